/**
 * What a new order is made of: the input a test or the dev control gives (`CreateOrderInput`), its bounds,
 * and the defaults for what it leaves out (the window, the handling). Bounded so that whatever is accepted
 * can be answered later: a window whose times the API can write, coordinates on the globe, texts of a
 * sensible length (docs/sandbox.md, "Limits").
 */
import { basketSize, type BasketSpec } from './baskets.js';
import { checkCoordinates } from './coordinates.js';
import { invalid } from './errors.js';
import type { AddressRecord, HandlingRecord, SandboxCoordinates, SandboxFulfillmentType, StoreRecord } from './records.js';

/** Handling that differs from the default; the address and coordinates merge field by field. */
export type HandlingOverrides = Partial<Omit<HandlingRecord, 'address' | 'coordinates'>> & {
  address?: Partial<AddressRecord>;
  coordinates?: SandboxCoordinates;
};

export interface CreateOrderInput {
  fulfillmentType?: SandboxFulfillmentType;
  /** The retailer's (external) user id; a new one is made up when absent. */
  userId?: string;
  /** `small` (6 items, the default), `large` (18, with wine: alcoholic) or a count 1–24. Ignored for last mile. */
  basket?: BasketSpec;
  redactShopperPii?: boolean;
  handling?: HandlingOverrides;
  /** Where the shopper drives from. */
  store?: StoreRecord;
  /** Start of the delivery/pickup window (epoch ms); default the next quarter hour plus an hour. */
  windowStartsAt?: number;
  /** Window length in minutes; default 120. */
  windowMinutes?: number;
}

/** Longest user id or state name taken: they are names, not documents. */
export const MAX_NAME_LENGTH = 255;
/** Longest handling text (notes, instructions, address lines) taken. */
const MAX_TEXT_LENGTH = 1000;
/** A window starts within this century and lasts at most a week, so its times are always writable. */
const EARLIEST_WINDOW = Date.UTC(2000, 0, 1);
const LATEST_WINDOW = Date.UTC(2100, 0, 1);
const MAX_WINDOW_MINUTES = 7 * 24 * 60;
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

const DEFAULT_ADDRESS: AddressRecord = {
  addressLine1: '501 Belt Line Rd',
  addressLine2: '',
  locality: 'Collinsville',
  administrativeArea: 'IL',
  postalCode: '62234',
  countryCode: 'US',
};
const DEFAULT_COORDINATES: SandboxCoordinates = { latitude: 38.6924568, longitude: -89.9785745 };

/** Checks the input of a new order; answers its basket size. */
export function checkNewOrder(input: CreateOrderInput): number {
  const size = basketSize(input.basket ?? 'small');
  if (size === undefined) throw invalid('basket', 'basket must be "small", "large" or a count from 1 to 24');
  if (input.userId !== undefined && !(input.userId.trim() && input.userId.length <= MAX_NAME_LENGTH)) {
    throw invalid('userId', `user_id must be a non-empty string of at most ${MAX_NAME_LENGTH} characters`);
  }
  const { windowStartsAt: start, windowMinutes: minutes } = input;
  if (start !== undefined && !(Number.isFinite(start) && start >= EARLIEST_WINDOW && start <= LATEST_WINDOW)) {
    throw invalid('windowStartsAt', 'window_starts_at must be a time from 2000 to 2100');
  }
  if (minutes !== undefined && !(minutes > 0 && minutes <= MAX_WINDOW_MINUTES)) {
    throw invalid('windowMinutes', `window_minutes must be greater than 0 and at most ${MAX_WINDOW_MINUTES}`);
  }
  if (input.handling) checkHandling(input.handling);
  return size;
}

/** The window asked for, else from the next quarter hour plus an hour, two hours long. */
export function orderWindow(input: CreateOrderInput, now: number): { windowStartsAt: number; windowEndsAt: number } {
  const windowStartsAt = input.windowStartsAt ?? Math.ceil(now / QUARTER_HOUR_MS) * QUARTER_HOUR_MS + HOUR_MS;
  return { windowStartsAt, windowEndsAt: windowStartsAt + (input.windowMinutes ?? 120) * 60 * 1000 };
}

/** What the handling endpoint answers must stay readable: coordinates on the globe, bounded texts. */
function checkHandling({ coordinates, address, ...rest }: HandlingOverrides): void {
  if (coordinates) checkCoordinates(coordinates, 'handling');
  const texts = [...Object.values(address ?? {}), ...Object.values(rest)].filter((value) => typeof value === 'string');
  if (texts.some((text) => text.length > MAX_TEXT_LENGTH)) throw invalid('handling', `handling texts must be at most ${MAX_TEXT_LENGTH} characters`);
}

/** The handling of a new order of this type: the default, with the overrides merged field by field. */
export function defaultHandling(type: SandboxFulfillmentType, alcoholic: boolean, overrides: HandlingOverrides = {}): HandlingRecord {
  const { address, coordinates, ...rest } = overrides;
  return {
    address: { ...DEFAULT_ADDRESS, ...address },
    coordinates: { ...DEFAULT_COORDINATES, ...coordinates },
    dropoffLocation: type === 'pickup' ? '' : 'Front door',
    notes: type === 'pickup' ? 'Blue hatchback, parking spot 4' : '',
    instructions: type === 'pickup' ? '' : 'Please ring the doorbell.',
    leaveUnattended: false,
    alcoholic,
    certifiedDelivery: false,
    ...rest,
  };
}
