// "Impossible to break from bad data": thousands of damaged Connect answers, made from the documented
// examples by a seeded generator, so a failure replays exactly. Whatever comes in, a parser either returns
// something the widget can show (ids and names present, quantities and coordinates real numbers or absent,
// only safe image URLs, enumerations as plain strings, text bounded and without bidirectional controls) or
// throws an ApiError of kind invalid_response. Every part it leaves out is reported with a message naming the
// field. It never throws anything else, never changes its input, and never lets a key like "__proto__" reach
// Object.prototype. Damage to one item costs that item at most: the undamaged ones all come through.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseHandling, parseLineItems, parseLocation, parseOrder } from '../../src/api/parse.js';
import { ApiError } from '../../src/api/api-error.js';
import { seededRandom } from '../../src/sandbox/model/ids.js';
import type { Product } from '../../src/api/types.js';

const RUNS = 3000;

/** The sandbox's seeded generator (mulberry32), with the two draws the damage needs. */
function generator(seed: number) {
  const next = seededRandom(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(values: readonly T[]): T => values[int(values.length)]!;
  return { next, int, pick };
}
type Random = ReturnType<typeof generator>;

/** Strings that have broken parsers and renderers before: prototype keys, markup, script URLs, odd numbers. */
const NASTY_STRINGS = [
  '', ' ', '\n', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype',
  '<img src=x onerror=alert(1)>', 'javascript:alert(1)', 'data:text/html,<b>x</b>', 'data:image/png;base64,AAAA',
  'https://example.com/a.png', 'http://x', '//evil.example/x.png', 'NaN', 'Infinity', '-1', '1e400', '0x10',
  '1.5', ' 2 ', 'EACH', 'lb', 'found', 'FOUND', 'replaced', 'to_refund', 'approved', 'rejected', 'PENDING',
  'delivering', 'DELIVERED', '\u0000', '\u202e', 'x'.repeat(5000),
];
const NASTY_NUMBERS = [0, -0, 1, -1, 0.5, 91, -181, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 38.69, -89.97];

function randomJson(random: Random, depth = 0): unknown {
  switch (random.int(depth > 2 ? 5 : 7)) {
    case 0:
      return null;
    case 1:
      return random.next() < 0.5;
    case 2:
      return random.pick(NASTY_NUMBERS);
    case 3:
    case 4:
      return random.pick(NASTY_STRINGS);
    case 5:
      return Array.from({ length: random.int(4) }, () => randomJson(random, depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let i = random.int(4); i > 0; i -= 1) object[random.pick(NASTY_STRINGS)] = randomJson(random, depth + 1);
      return object;
    }
  }
}

/** The paths to every value in a JSON tree, so a mutation can hit any depth. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(value)) return here.concat(...value.map((v, i) => paths(v, [...prefix, i])));
  if (value && typeof value === 'object') return here.concat(...Object.entries(value).map(([k, v]) => paths(v, [...prefix, k])));
  return here;
}

/** A copy of `sample` with one to three random changes: a value replaced, a key deleted or added. */
function damaged(sample: unknown, random: Random): unknown {
  // JSON.parse makes "__proto__" an own key, as a real answer would; a literal would set the prototype.
  let root: unknown = JSON.parse(JSON.stringify(sample));
  for (let changes = 1 + random.int(3); changes > 0; changes -= 1) {
    const path = random.pick(paths(root));
    if (path.length === 0) {
      root = random.next() < 0.2 ? randomJson(random) : root;
      continue;
    }
    const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root) as Record<string | number, unknown>;
    const key = path[path.length - 1]!;
    const action = random.int(3);
    if (action === 0 && !Array.isArray(parent)) delete parent[key];
    else if (action === 1 && !Array.isArray(parent)) Object.assign(parent, JSON.parse(JSON.stringify({ [random.pick(NASTY_STRINGS)]: randomJson(random) })));
    else parent[key] = randomJson(random);
  }
  return root;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const isText = (value: unknown) => typeof value === 'string' && value.trim() !== '';
const isOptionalText = (value: unknown) => value === undefined || typeof value === 'string';
const SAFE_IMAGE = /^(https?:\/\/|data:image\/)/i;

const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
/** Text the widget shows: bounded, and nothing in it can reorder the text around it. */
const isShownText = (value: unknown, max = 501) => typeof value === 'string' && value.length <= max && !BIDI_CONTROLS.test(value);

function assertProduct(product: Product, what: string) {
  assert.ok(isText(product.name) && isShownText(product.name), `${what}.name`);
  assert.ok(product.quantity === undefined || (Number.isFinite(product.quantity) && product.quantity >= 0), `${what}.quantity ${product.quantity}`);
  assert.ok(isText(product.costUnit), `${what}.costUnit`);
  assert.ok(product.imageUrl === undefined || SAFE_IMAGE.test(product.imageUrl), `${what}.imageUrl ${product.imageUrl}`);
}

function assertCoordinates(point: unknown, what: string) {
  const { latitude, longitude } = point as { latitude: unknown; longitude: unknown };
  assert.ok(typeof latitude === 'number' && Number.isFinite(latitude) && Math.abs(latitude) <= 90, `${what}.latitude`);
  assert.ok(typeof longitude === 'number' && Number.isFinite(longitude) && Math.abs(longitude) <= 180, `${what}.longitude`);
}

const SAMPLES = {
  order: {
    id: 'a3e30880-10b5-445e-a525-7dae3e2e15b3',
    creation_date: '2022-01-13T18:28:07Z',
    workflow_state: 'picking',
    fulfillment_type: 'delivery',
    fulfillment_details: { window_starts_at: '2022-01-13T18:28:06Z', window_ends_at: '2022-01-13T20:28:06Z' },
  },
  items: {
    line_items: [
      { id: '1', line_num: '1', status: 'FOUND', replacement_status: 'SUBSTITUTION_STATUS_UNSPECIFIED', item: { name: 'Bananas', quantity: '10.0', cost_unit: 'EACH', image_url: 'https://example.com/b.png' } },
      { id: '2', status: 'REPLACED', replacement_status: 'PENDING', item: { name: 'Apples', quantity: '2.5', cost_unit: 'LB' }, replacement: { name: 'Gala Apples', quantity: '2.5', cost_unit: 'LB' } },
      { id: '3', status: 'NOT_PICKED', item: { name: 'Milk', quantity: 1, cost_unit: 'EACH' } },
    ],
  },
  handling: {
    address: { address_line_1: '501 Belt Line Rd', address_line_2: '', locality: 'Collinsville', administrative_area: 'IL', postal_code: '62234', country_code: 'US' },
    coordinates: { latitude: 38.6924568, longitude: -89.9785745 },
    dropoff_location: 'Front door',
    notes: '',
    instructions: 'Ring the bell',
    leave_unattended: true,
    alcoholic: false,
    certified_delivery: false,
  },
  location: { coordinates: { latitude: 38.7, longitude: -89.99 } },
};

const ISO_INSTANT = /^\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-][\d:]+)$/i;
const isOptionalInstant = (value: unknown) => value === undefined || (typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value)));

type Report = (message: string) => void;

const CHECKS: Record<keyof typeof SAMPLES, (body: unknown, report: Report) => void> = {
  order: (body, report) => {
    const order = parseOrder(body, report);
    assert.ok(isText(order.id), 'order id');
    assert.ok(isOptionalInstant(order.creationDate), `creation date ${order.creationDate}`);
    assert.ok(isText(order.workflowState) && isText(order.fulfillmentType), 'order state and type are text');
    assert.ok(isOptionalInstant(order.windowStartsAt) && isOptionalInstant(order.windowEndsAt), 'window');
  },
  items: (body, report) => {
    const items = parseLineItems(body, report);
    assert.ok(Array.isArray(items));
    assert.equal(new Set(items.map((i) => i.id)).size, items.length, 'ids are unique');
    items.forEach((item, index) => {
      assert.ok(isText(item.id), `items[${index}].id`);
      assert.ok(isText(item.status), `items[${index}].status is text, not ${typeof item.status}`);
      assert.equal(typeof item.replacementStatus, 'string', `items[${index}].replacementStatus is text, not ${typeof item.replacementStatus}`);
      assert.equal(typeof item.certifiedDelivery, 'boolean');
      assertProduct(item.item, `items[${index}].item`);
      if (item.replacement) assertProduct(item.replacement, `items[${index}].replacement`);
    });
  },
  handling: (body, report) => {
    const handling = parseHandling(body, report);
    const { address, coordinates } = handling;
    if (address) {
      assert.ok(isText(address.addressLine1) && isShownText(address.addressLine1) && isText(address.countryCode), 'address');
      for (const key of ['addressLine2', 'locality', 'administrativeArea'] as const) assert.ok(isOptionalText(address[key]), key);
    }
    if (coordinates) assertCoordinates(coordinates, 'coordinates');
    for (const key of ['dropoffLocation', 'notes', 'instructions'] as const) assert.ok(isShownText(handling[key], 2001), key);
    for (const key of ['leaveUnattended', 'alcoholic', 'certifiedDelivery'] as const) assert.equal(typeof handling[key], 'boolean', key);
  },
  location: (body, report) => {
    const location = parseLocation(body, report);
    if (location !== null) assertCoordinates(location, 'location');
  },
};

describe('the parsers against damaged answers', () => {
  for (const [name, sample] of Object.entries(SAMPLES) as [keyof typeof SAMPLES, unknown][]) {
    it(`${name}: ${RUNS} damaged answers are either shown sanely or refused as invalid_response`, () => {
      const random = generator(0xc0ffee + name.length);
      let accepted = 0;
      let reported = 0;
      for (let run = 0; run < RUNS; run += 1) {
        const body = deepFreeze(damaged(sample, random));
        const replay = `run ${run}: ${JSON.stringify(body).slice(0, 400)}`;
        const reports: string[] = [];
        try {
          CHECKS[name](body, (message) => reports.push(message));
          accepted += 1;
          if (reports.length > 0) reported += 1;
          for (const message of reports) {
            // Each left-out part is named by its path in the answer, and the message stays a line long.
            assert.match(message, /^Unexpected answer from Connect: [a-z_]+(\[\d+\])?[a-z_.[\]\d]* .*; (it|[a-z_]+(\[\d+\])?[a-z_.]*) is left out\.$/, `${message} (${replay})`);
            assert.ok(message.length < 300, `${message.length} characters (${replay})`);
          }
        } catch (error) {
          if (error instanceof assert.AssertionError) throw new assert.AssertionError({ message: `${error.message} (${replay})` });
          assert.ok(error instanceof ApiError, `threw ${String(error)} (${replay})`);
          assert.equal(error.kind, 'invalid_response', replay);
          assert.match(error.message, /^Unexpected answer from Connect: /, replay);
        }
      }
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      // Both outcomes must occur, or the damage is too mild (or too severe) to test anything (the handling
      // details are refused only when the body is not an object: every part of them can be left out alone);
      // and many accepted answers had a part left out, or the per-field dropping went untested.
      assert.ok(accepted > RUNS * 0.05 && accepted < RUNS, `${accepted} of ${RUNS} accepted`);
      assert.ok(reported > RUNS * 0.05, `${reported} of ${RUNS} answers had a part left out`);
    });
  }

  it(`items: in ${RUNS} lists with one damaged item, every undamaged item comes through unchanged`, () => {
    const random = generator(0x5eed);
    const clean = parseLineItems(SAMPLES.items);
    let dropped = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const index = random.int(SAMPLES.items.line_items.length);
      const line_items = SAMPLES.items.line_items.map((entry, i) => (i === index ? damaged(entry, random) : entry));
      const body = deepFreeze(JSON.parse(JSON.stringify({ line_items })));
      const reports: string[] = [];
      const items = parseLineItems(body, (message) => reports.push(message));
      const replay = `run ${run}: ${JSON.stringify(line_items[index]).slice(0, 300)}`;
      for (const [i, expected] of clean.entries()) {
        if (i !== index) assert.deepEqual(items.find((item) => item.id === expected.id), expected, replay);
      }
      if (items.length < clean.length) {
        dropped += 1;
        assert.ok(reports.some((m) => m.endsWith(`; line_items[${index}] is left out.`)), `no report names line_items[${index}] (${replay})`);
      }
    }
    assert.ok(dropped > RUNS * 0.05 && dropped < RUNS * 0.95, `${dropped} of ${RUNS} damaged items left out`);
  });

  it('state, status and unit names that are also Object.prototype keys stay plain text', () => {
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      const items = parseLineItems(JSON.parse(JSON.stringify({ line_items: [{ id: '1', status: key, replacement_status: key, item: { name: 'x', quantity: 1, cost_unit: key } }] })));
      assert.equal(items[0]!.status, key.toLowerCase());
      assert.equal(items[0]!.replacementStatus, key.toUpperCase());
      assert.equal(items[0]!.item.costUnit, key.toUpperCase());
      assert.equal(parseOrder({ ...SAMPLES.order, workflow_state: key, fulfillment_type: key }).workflowState, key.toLowerCase());
    }
  });
});
