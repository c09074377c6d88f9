// The normalisers on their own: raw Connect JSON in, the widget's types out, and a named invalid_response
// for the answers the widget cannot show.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseHandling, parseLineItems, parseLocation, parseOrder, safeImageUrl } from '../../src/api/parse.js';
import { ApiError } from '../../src/api/api-error.js';

/** Asserts `run` throws an invalid_response whose message contains `field`. */
function invalidNaming(run: () => unknown, field: string) {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof ApiError, `not an ApiError: ${String(error)}`);
    assert.equal(error.kind, 'invalid_response');
    assert.ok(error.message.includes(field), `"${error.message}" does not name ${field}`);
    return true;
  });
}

const ORDER = {
  id: 'a3e30880-10b5-445e-a525-7dae3e2e15b3',
  creation_date: '2022-01-13T18:28:07Z',
  workflow_state: 'brand_new',
  fulfillment_type: 'delivery',
  fulfillment_details: { window_starts_at: '2022-01-13T18:28:06Z', window_ends_at: '2022-01-13T20:28:06Z' },
};

describe('parseOrder', () => {
  it('normalises the documented example', () => {
    assert.deepEqual(parseOrder(ORDER), {
      id: 'a3e30880-10b5-445e-a525-7dae3e2e15b3',
      creationDate: '2022-01-13T18:28:07Z',
      workflowState: 'brand_new',
      fulfillmentType: 'delivery',
      windowStartsAt: '2022-01-13T18:28:06Z',
      windowEndsAt: '2022-01-13T20:28:06Z',
    });
  });

  it('lowercases states and types in any case, keeps unknown ones, ignores unknown fields', () => {
    const order = parseOrder({ ...ORDER, workflow_state: ' Verifying_Replacements ', fulfillment_type: 'LAST_MILE_DELIVERY', surprise: [1] });
    assert.equal(order.workflowState, 'verifying_replacements');
    assert.equal(order.fulfillmentType, 'last_mile_delivery');
    assert.equal(parseOrder({ ...ORDER, workflow_state: 'Teleporting' }).workflowState, 'teleporting');
    assert.ok(!('surprise' in order));
  });

  it('leaves the window out when it is absent or not usable', () => {
    const { fulfillment_details: _, ...bare } = ORDER;
    const order = parseOrder(bare);
    assert.ok(!('windowStartsAt' in order) && !('windowEndsAt' in order));
    assert.ok(!('windowStartsAt' in parseOrder({ ...ORDER, fulfillment_details: null })));
    assert.ok(!('windowEndsAt' in parseOrder({ ...ORDER, fulfillment_details: { window_starts_at: '2022-01-13T18:28:06Z', window_ends_at: '' } })));
  });

  it('names the field that is missing or of the wrong type', () => {
    invalidNaming(() => parseOrder({ ...ORDER, id: undefined }), 'order.id is missing');
    invalidNaming(() => parseOrder({ ...ORDER, id: '  ' }), 'order.id is empty');
    invalidNaming(() => parseOrder({ ...ORDER, workflow_state: 3 }), 'order.workflow_state is not a string');
    invalidNaming(() => parseOrder({ ...ORDER, fulfillment_type: null }), 'order.fulfillment_type is missing');
    invalidNaming(() => parseOrder({ ...ORDER, creation_date: undefined }), 'order.creation_date');
    invalidNaming(() => parseOrder([ORDER]), 'the order is not an object');
    invalidNaming(() => parseOrder('{"id": 1}'), 'the order is not an object');
    invalidNaming(() => parseOrder(null), 'the order is not an object');
  });

  it('accepts a numeric id as a string', () => {
    assert.equal(parseOrder({ ...ORDER, id: 42 }).id, '42');
  });
});

const item = (overrides: Record<string, unknown> = {}, product: Record<string, unknown> = {}) => ({
  id: '1234-5678-9012-abcd',
  line_num: '1',
  status: 'not_picked',
  replacement_status: 'SUBSTITUTION_STATUS_UNSPECIFIED',
  certified_delivery: false,
  item: { name: 'Organic Bananas', image_url: 'https://example.com/bananas.png', quantity: '10.0', cost_unit: 'EACH', ...product },
  ...overrides,
});
const one = (overrides: Record<string, unknown> = {}, product: Record<string, unknown> = {}) => parseLineItems({ line_items: [item(overrides, product)] })[0]!;

describe('parseLineItems', () => {
  it('normalises the documented example', () => {
    assert.deepEqual(parseLineItems({ line_items: [item()] }), [
      {
        id: '1234-5678-9012-abcd',
        lineNum: '1',
        status: 'not_picked',
        replacementStatus: 'SUBSTITUTION_STATUS_UNSPECIFIED',
        certifiedDelivery: false,
        item: { name: 'Organic Bananas', imageUrl: 'https://example.com/bananas.png', quantity: 10, costUnit: 'EACH' },
      },
    ]);
    assert.deepEqual(parseLineItems({ line_items: [] }), []);
  });

  it('compares statuses case-insensitively and keeps unknown ones', () => {
    assert.equal(one({ status: 'NOT_PICKED' }).status, 'not_picked');
    assert.equal(one({ status: 'Found' }).status, 'found');
    assert.equal(one({ status: 'TO_REFUND' }).status, 'to_refund');
    assert.equal(one({ status: 'Lost_In_Space' }).status, 'lost_in_space');
  });

  it('uppercases replacement statuses, and a missing one is SUBSTITUTION_STATUS_UNSPECIFIED', () => {
    const replaced = one({ status: 'replaced', replacement_status: 'pending', replacement: { name: 'Plantains', quantity: '2', cost_unit: 'each' } });
    assert.equal(replaced.replacementStatus, 'PENDING');
    assert.deepEqual(replaced.replacement, { name: 'Plantains', quantity: 2, costUnit: 'EACH' });
    assert.equal(one({ replacement_status: undefined }).replacementStatus, 'SUBSTITUTION_STATUS_UNSPECIFIED');
    assert.equal(one({ replacement_status: '' }).replacementStatus, 'SUBSTITUTION_STATUS_UNSPECIFIED');
    assert.equal(one({ replacement_status: 'Something_New' }).replacementStatus, 'SOMETHING_NEW');
  });

  it('maps old-model approved/rejected statuses to replaced with that decision', () => {
    assert.deepEqual([one({ status: 'approved' }).status, one({ status: 'approved' }).replacementStatus], ['replaced', 'APPROVED']);
    assert.deepEqual([one({ status: 'REJECTED', replacement_status: 'PENDING' }).status, one({ status: 'REJECTED' }).replacementStatus], ['replaced', 'REJECTED']);
    assert.equal(one({ status: 'REJECTED', replacement_status: 'PENDING' }).replacementStatus, 'REJECTED');
  });

  it('parses quantity strings (and numbers) to numbers', () => {
    assert.equal(one({}, { quantity: '10.0' }).item.quantity, 10);
    assert.equal(one({}, { quantity: ' 1.5 ' }).item.quantity, 1.5);
    assert.equal(one({}, { quantity: '0.25' }).item.quantity, 0.25);
    assert.equal(one({}, { quantity: 3 }).item.quantity, 3);
    assert.equal(one({}, { quantity: '0' }).item.quantity, 0);
  });

  it('rejects quantities that are not numbers, naming the item', () => {
    for (const quantity of ['ten', '', '  ', '0x10', 'Infinity', 'NaN', '1,5', -1, '-2', Number.NaN, true, {}, null, undefined]) {
      invalidNaming(() => one({}, { quantity }), 'line_items[0].item.quantity');
    }
    invalidNaming(() => one({ status: 'replaced', replacement: { name: 'x', quantity: 'lots' } }), 'line_items[0].replacement.quantity');
  });

  it('uppercases cost_unit and defaults it to EACH', () => {
    assert.equal(one({}, { cost_unit: 'lb' }).item.costUnit, 'LB');
    assert.equal(one({}, { cost_unit: ' kg ' }).item.costUnit, 'KG');
    assert.equal(one({}, { cost_unit: undefined }).item.costUnit, 'EACH');
    assert.equal(one({}, { cost_unit: '' }).item.costUnit, 'EACH');
  });

  it('keeps only http(s) and data:image URLs; drops the rest without failing', () => {
    assert.equal(one({}, { image_url: 'http://example.com/a.png' }).item.imageUrl, 'http://example.com/a.png');
    assert.equal(one({}, { image_url: ' https://example.com/a b.png ' }).item.imageUrl, 'https://example.com/a%20b.png');
    assert.equal(one({}, { image_url: 'data:image/png;base64,iVBORw0KGgo=' }).item.imageUrl, 'data:image/png;base64,iVBORw0KGgo=');
    for (const image_url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'file:///etc/passwd', '/relative.png', '//example.com/a.png', 'not a url', 42, null]) {
      const parsed = one({}, { image_url });
      assert.equal(parsed.item.imageUrl, undefined, String(image_url));
      assert.ok(!('imageUrl' in parsed.item));
    }
  });

  it('does not trim names', () => {
    assert.equal(one({}, { name: '  Bananas, organic ' }).item.name, '  Bananas, organic ');
  });

  it('reads optional fields with defaults and ignores unknown ones', () => {
    const bare = parseLineItems({ line_items: [{ id: 'x', status: 'found', item: { name: 'Milk', quantity: '1' }, brand_new_field: true }] })[0]!;
    assert.deepEqual(bare, { id: 'x', status: 'found', replacementStatus: 'SUBSTITUTION_STATUS_UNSPECIFIED', certifiedDelivery: false, item: { name: 'Milk', quantity: 1, costUnit: 'EACH' } });
    assert.equal(one({ line_num: 7 }).lineNum, '7');
    assert.equal(one({ certified_delivery: true }).certifiedDelivery, true);
    assert.equal(one({ replacement: null }).replacement, undefined);
  });

  it('names what is missing or of the wrong shape', () => {
    invalidNaming(() => parseLineItems({}), 'line_items is missing');
    invalidNaming(() => parseLineItems({ line_items: {} }), 'line_items is not a list');
    invalidNaming(() => parseLineItems([item()]), 'the items is not an object');
    invalidNaming(() => parseLineItems({ line_items: [item(), 'nope'] }), 'line_items[1] is not an object');
    invalidNaming(() => one({ id: undefined }), 'line_items[0].id is missing');
    invalidNaming(() => one({ status: undefined }), 'line_items[0].status is missing');
    invalidNaming(() => one({ status: 5 }), 'line_items[0].status is not a string');
    invalidNaming(() => one({ item: undefined }), 'line_items[0].item is not an object');
    invalidNaming(() => one({}, { name: '' }), 'line_items[0].item.name is empty');
    invalidNaming(() => one({}, { name: 12 }), 'line_items[0].item.name is not a string');
    invalidNaming(() => one({ replacement: 'Plantains' }), 'line_items[0].replacement is not an object');
    invalidNaming(() => parseLineItems({ line_items: [item(), item()] }), 'twice');
  });
});

const HANDLING = {
  address: { address_line_1: '501 Belt Line Rd', address_line_2: '', locality: 'Collinsville', administrative_area: 'IL', postal_code: '62234', country_code: 'US' },
  coordinates: { latitude: 38.6924568, longitude: -89.9785745 },
  dropoff_location: 'Front porch',
  notes: 'Dog in yard',
  instructions: 'Ring twice',
  leave_unattended: true,
  alcoholic: false,
  certified_delivery: true,
  shopper: { name: 'undocumented' },
};

describe('parseHandling', () => {
  it('normalises the documented example, ignoring the undocumented shopper', () => {
    assert.deepEqual(parseHandling(HANDLING), {
      address: { addressLine1: '501 Belt Line Rd', locality: 'Collinsville', administrativeArea: 'IL', postalCode: '62234', countryCode: 'US' },
      coordinates: { latitude: 38.6924568, longitude: -89.9785745 },
      dropoffLocation: 'Front porch',
      notes: 'Dog in yard',
      instructions: 'Ring twice',
      leaveUnattended: true,
      alcoholic: false,
      certifiedDelivery: true,
    });
  });

  it('defaults optional strings to "" and booleans to false', () => {
    const handling = parseHandling({ address: HANDLING.address, coordinates: HANDLING.coordinates });
    assert.deepEqual(
      [handling.dropoffLocation, handling.notes, handling.instructions, handling.leaveUnattended, handling.alcoholic, handling.certifiedDelivery],
      ['', '', '', false, false, false],
    );
    assert.equal(parseHandling({ ...HANDLING, notes: { no: 1 }, alcoholic: 'yes' }).notes, '');
    assert.equal(parseHandling({ ...HANDLING, alcoholic: 'yes' }).alcoholic, false);
    assert.equal(parseHandling({ ...HANDLING, address: { ...HANDLING.address, address_line_2: 'Apt 3' } }).address.addressLine2, 'Apt 3');
  });

  it('requires address_line_1, postal_code and country_code in the address', () => {
    for (const key of ['address_line_1', 'postal_code', 'country_code']) {
      invalidNaming(() => parseHandling({ ...HANDLING, address: { ...HANDLING.address, [key]: undefined } }), `address.${key} is missing`);
    }
    invalidNaming(() => parseHandling({ ...HANDLING, address: undefined }), 'address is missing');
    invalidNaming(() => parseHandling({ ...HANDLING, address: 'somewhere' }), 'address is not an object');
  });

  it('requires finite coordinates on the globe', () => {
    invalidNaming(() => parseHandling({ ...HANDLING, coordinates: undefined }), 'coordinates is missing');
    invalidNaming(() => parseHandling({ ...HANDLING, coordinates: { latitude: 91, longitude: 0 } }), 'coordinates.latitude is out of range');
    invalidNaming(() => parseHandling({ ...HANDLING, coordinates: { latitude: 0, longitude: -180.5 } }), 'coordinates.longitude is out of range');
    invalidNaming(() => parseHandling({ ...HANDLING, coordinates: { latitude: '38.69', longitude: 0 } }), 'coordinates.latitude is not a number');
    invalidNaming(() => parseHandling({ ...HANDLING, coordinates: { latitude: Number.POSITIVE_INFINITY, longitude: 0 } }), 'coordinates.latitude is not a number');
    invalidNaming(() => parseHandling({ ...HANDLING, coordinates: { latitude: 1 } }), 'coordinates.longitude is missing');
    assert.deepEqual(parseHandling({ ...HANDLING, coordinates: { latitude: -90, longitude: 180 } }).coordinates, { latitude: -90, longitude: 180 });
  });
});

describe('parseLocation', () => {
  it('reads the coordinates while delivering', () => {
    assert.deepEqual(parseLocation({ coordinates: { latitude: 38.7, longitude: -89.97 } }), { latitude: 38.7, longitude: -89.97 });
    assert.deepEqual(parseLocation({ coordinates: { latitude: 0, longitude: 0 }, heading: 90 }), { latitude: 0, longitude: 0 });
  });

  it('treats an empty body, {} and missing coordinates as no location', () => {
    assert.equal(parseLocation(undefined), null);
    assert.equal(parseLocation(null), null);
    assert.equal(parseLocation(''), null);
    assert.equal(parseLocation({}), null);
    assert.equal(parseLocation({ coordinates: null }), null);
  });

  it('rejects coordinates that are present but wrong', () => {
    invalidNaming(() => parseLocation({ coordinates: { latitude: 'north', longitude: 0 } }), 'coordinates.latitude');
    invalidNaming(() => parseLocation({ coordinates: { latitude: 100, longitude: 0 } }), 'coordinates.latitude is out of range');
    invalidNaming(() => parseLocation({ coordinates: [38.7, -89.97] }), 'coordinates is not an object');
    invalidNaming(() => parseLocation([]), 'the location is not an object');
  });
});

describe('safeImageUrl', () => {
  it('is the gate every image passes', () => {
    assert.equal(safeImageUrl('https://cdn.example/x.jpg?w=100'), 'https://cdn.example/x.jpg?w=100');
    assert.equal(safeImageUrl('data:image/svg+xml,%3Csvg%2F%3E'), 'data:image/svg+xml,%3Csvg%2F%3E');
    assert.equal(safeImageUrl('data:image/'), undefined);
    assert.equal(safeImageUrl('https://'), undefined);
    assert.equal(safeImageUrl(undefined), undefined);
  });
});
