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

/** Parses with a report collector: what came back, and the messages of the parts left out. */
function withReports<T>(parse: (report: (message: string) => void) => T): { value: T; reports: string[] } {
  const reports: string[] = [];
  const value = parse((message) => reports.push(message));
  return { value, reports };
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

  it('refuses an order without an id, a state or a type, naming the field', () => {
    invalidNaming(() => parseOrder({ ...ORDER, id: undefined }), 'order.id is missing');
    invalidNaming(() => parseOrder({ ...ORDER, id: '  ' }), 'order.id is empty');
    invalidNaming(() => parseOrder({ ...ORDER, id: 'x'.repeat(501) }), 'order.id is too long');
    invalidNaming(() => parseOrder({ ...ORDER, workflow_state: 3 }), 'order.workflow_state is not a string');
    invalidNaming(() => parseOrder({ ...ORDER, workflow_state: '\u202e' }), 'order.workflow_state is empty');
    invalidNaming(() => parseOrder({ ...ORDER, fulfillment_type: null }), 'order.fulfillment_type is missing');
    invalidNaming(() => parseOrder([ORDER]), 'the order is not an object');
    invalidNaming(() => parseOrder('{"id": 1}'), 'the order is not an object');
    invalidNaming(() => parseOrder(null), 'the order is missing');
  });

  it('treats dates that are not ISO 8601 instants as absent, and reports each by its field', () => {
    const { value, reports } = withReports((report) =>
      parseOrder({ ...ORDER, creation_date: 'yesterday', fulfillment_details: { window_starts_at: '2022-13-45T99:00:00Z', window_ends_at: '2022-01-13T20:28:06Z' } }, report),
    );
    assert.deepEqual(value, { id: ORDER.id, workflowState: 'brand_new', fulfillmentType: 'delivery', windowEndsAt: '2022-01-13T20:28:06Z' });
    assert.equal(reports.length, 2);
    assert.match(reports[0]!, /^Unexpected answer from Connect: order\.creation_date is not an ISO 8601 date \("yesterday"\); it is left out\.$/);
    assert.match(reports[1]!, /fulfillment_details\.window_starts_at is not an ISO 8601 date/);
    // V8's Date.parse reads "1" as the year 2001: only real ISO 8601 instants with an offset are dates.
    for (const creation_date of ['1', 12, '2022-01-13', '2022-01-13 18:28:07', 'Thu, 13 Jan 2022 18:28:07 GMT', '+275760-09-13T00:00:00Z']) {
      const order = withReports((report) => parseOrder({ ...ORDER, creation_date }, report));
      assert.ok(!('creationDate' in order.value), String(creation_date));
      assert.equal(order.reports.length, 1, String(creation_date));
    }
    assert.equal(parseOrder({ ...ORDER, creation_date: '2022-01-13T18:28:07.123+01:00' }).creationDate, '2022-01-13T18:28:07.123+01:00');
    const missing = withReports((report) => parseOrder({ ...ORDER, creation_date: undefined }, report));
    assert.ok(!('creationDate' in missing.value));
    assert.match(missing.reports[0]!, /order\.creation_date is missing/);
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

  it('leaves out quantities that are not numbers, not the item, and reports each by its field', () => {
    for (const quantity of ['ten', '', '  ', '0x10', 'Infinity', 'NaN', '1,5', -1, '-2', Number.NaN, true, {}, null, undefined]) {
      const { value, reports } = withReports((report) => parseLineItems({ line_items: [item({}, { quantity })] }, report));
      assert.equal(value.length, 1, String(quantity));
      assert.equal(value[0]!.item.name, 'Organic Bananas');
      assert.ok(!('quantity' in value[0]!.item), String(quantity));
      assert.equal(reports.length, 1);
      assert.ok(reports[0]!.includes('line_items[0].item.quantity'), reports[0]);
    }
    const { value, reports } = withReports((report) =>
      parseLineItems({ line_items: [item({ status: 'replaced', replacement: { name: 'x', quantity: 'lots' } })] }, report),
    );
    assert.deepEqual(value[0]!.replacement, { name: 'x', costUnit: 'EACH' });
    assert.match(reports[0]!, /line_items\[0\]\.replacement\.quantity is not a number \("lots"\); line_items\[0\]\.replacement\.quantity is left out\./);
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

  it('refuses only an answer without a list of items', () => {
    invalidNaming(() => parseLineItems({}), 'line_items is missing');
    invalidNaming(() => parseLineItems({ line_items: {} }), 'line_items is not a list');
    invalidNaming(() => parseLineItems([item()]), 'the items is not an object');
  });

  it('leaves out one item it cannot show, keeps the others, and names the field', () => {
    const cases: [unknown, string][] = [
      ['nope', 'line_items[1] is not an object'],
      [item({ id: 'b', status: undefined }), 'line_items[1].status is missing'],
      [item({ id: undefined }), 'line_items[1].id is missing'],
      [item({ id: 'b', status: 5 }), 'line_items[1].status is not a string'],
      [item({ id: 'b', item: undefined }), 'line_items[1].item is missing'],
      [item({ id: 'b' }, { name: '' }), 'line_items[1].item.name is empty'],
      [item({ id: 'b' }, { name: '\u202e\u2066' }), 'line_items[1].item.name is empty'],
      [item({ id: 'b' }, { name: 12 }), 'line_items[1].item.name is not a string'],
      [item(), 'line_items[1].id "1234-5678-9012-abcd" is already in the list'],
    ];
    for (const [bad, message] of cases) {
      const { value, reports } = withReports((report) => parseLineItems({ line_items: [item(), bad, item({ id: 'c' })] }, report));
      assert.deepEqual(value.map((i) => i.id), ['1234-5678-9012-abcd', 'c'], message);
      assert.equal(reports.length, 1, message);
      assert.ok(reports[0]!.startsWith(`Unexpected answer from Connect: ${message}`), `${reports[0]} does not start with ${message}`);
      assert.ok(reports[0]!.endsWith('; line_items[1] is left out.'), reports[0]);
    }
  });

  it('leaves out a replacement it cannot show, keeping the item', () => {
    const { value, reports } = withReports((report) => parseLineItems({ line_items: [item({ status: 'replaced', replacement_status: 'PENDING', replacement: 'Plantains' })] }, report));
    assert.equal(value[0]!.status, 'replaced');
    assert.ok(!('replacement' in value[0]!));
    assert.deepEqual(reports, ['Unexpected answer from Connect: line_items[0].replacement is not an object; line_items[0].replacement is left out.']);
  });

  it('cuts long names at a length no row shows, without splitting a character', () => {
    const name = `${'a'.repeat(499)}😀${'b'.repeat(1_000_000)}`;
    const parsed = one({}, { name });
    assert.equal(parsed.item.name, `${'a'.repeat(499)}…`);
    assert.equal(one({}, { name: 'n'.repeat(500) }).item.name, 'n'.repeat(500));
  });

  it('removes the bidirectional controls that would reorder the text around a name', () => {
    assert.equal(one({}, { name: 'Milk \u202e2% gnol\u202c (1 gal)' }).item.name, 'Milk 2% gnol (1 gal)');
    assert.equal(one({}, { name: '\u2067שלום\u2069 \u202aa\u202b\u202d' }).item.name, 'שלום a');
    // Marks are strong characters, not controls with a scope: they stay.
    assert.equal(one({}, { name: 'a\u200fb\u200e' }).item.name, 'a\u200fb\u200e');
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
    assert.equal(parseHandling({ ...HANDLING, address: { ...HANDLING.address, address_line_2: 'Apt 3' } }).address?.addressLine2, 'Apt 3');
  });

  it('leaves out an address without address_line_1, postal_code or country_code, keeping the rest', () => {
    const cases: [unknown, string][] = [
      ...['address_line_1', 'postal_code', 'country_code'].map((key): [unknown, string] => [{ ...HANDLING.address, [key]: undefined }, `address.${key} is missing`]),
      [undefined, 'address is missing'],
      ['somewhere', 'address is not an object'],
    ];
    for (const [address, message] of cases) {
      const { value, reports } = withReports((report) => parseHandling({ ...HANDLING, address }, report));
      assert.ok(!('address' in value), message);
      assert.deepEqual(value.coordinates, HANDLING.coordinates);
      assert.equal(value.notes, 'Dog in yard');
      assert.deepEqual(reports, [`Unexpected answer from Connect: ${message}; address is left out.`]);
    }
  });

  it('leaves out coordinates that are not finite numbers on the globe: the map goes, the address stays', () => {
    const cases: [unknown, string][] = [
      [undefined, 'coordinates is missing'],
      [{ latitude: 91, longitude: 0 }, 'coordinates.latitude is out of range'],
      [{ latitude: 1e308, longitude: 0 }, 'coordinates.latitude is out of range'],
      [{ latitude: 0, longitude: -180.5 }, 'coordinates.longitude is out of range'],
      [{ latitude: '38.69', longitude: 0 }, 'coordinates.latitude is not a number'],
      [{ latitude: Number.POSITIVE_INFINITY, longitude: 0 }, 'coordinates.latitude is not a number'],
      [{ latitude: 1 }, 'coordinates.longitude is missing'],
    ];
    for (const [coordinates, message] of cases) {
      const { value, reports } = withReports((report) => parseHandling({ ...HANDLING, coordinates }, report));
      assert.ok(!('coordinates' in value), message);
      assert.equal(value.address?.addressLine1, '501 Belt Line Rd');
      assert.deepEqual(reports, [`Unexpected answer from Connect: ${message}; coordinates is left out.`]);
    }
    assert.deepEqual(parseHandling({ ...HANDLING, coordinates: { latitude: -90, longitude: 180 } }).coordinates, { latitude: -90, longitude: 180 });
  });

  it('cuts notes, instructions and the drop-off location at 2,000 characters', () => {
    const handling = parseHandling({ ...HANDLING, notes: 'word '.repeat(200_000), instructions: 'x'.repeat(2000), dropoff_location: '\u202eporch' });
    assert.equal(handling.notes.length, 2001);
    assert.ok(handling.notes.endsWith('…'));
    assert.equal(handling.instructions, 'x'.repeat(2000));
    assert.equal(handling.dropoffLocation, 'porch');
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

  it('treats coordinates that are present but wrong as no location, and reports them', () => {
    for (const [coordinates, message] of [
      [{ latitude: 'north', longitude: 0 }, 'coordinates.latitude is not a number'],
      [{ latitude: 100, longitude: 0 }, 'coordinates.latitude is out of range'],
      [[38.7, -89.97], 'coordinates is not an object'],
    ] as const) {
      const { value, reports } = withReports((report) => parseLocation({ coordinates }, report));
      assert.equal(value, null);
      assert.deepEqual(reports, [`Unexpected answer from Connect: ${message}; coordinates is left out.`]);
    }
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
