/**
 * The body of `POST /__sandbox/orders`, read into the facade's `CreateOrderInput`: types and words are
 * checked here, what the values mean (basket size, window length) by the model.
 */
import type { BasketSpec } from '../model/baskets.js';
import { SandboxError, invalid } from '../model/errors.js';
import type { CreateOrderInput, HandlingOverrides } from '../model/orders.js';
import { FULFILLMENT_TYPES } from '../model/records.js';
import { oneOf, optionalBoolean, optionalNumber, optionalObject, optionalString, type JsonObject } from './request.js';

export function createOrderInput(body: JsonObject): CreateOrderInput {
  const windowStartsAt = optionalString(body, 'window_starts_at');
  const windowStart = windowStartsAt === undefined ? undefined : Date.parse(windowStartsAt);
  if (windowStart !== undefined && Number.isNaN(windowStart)) throw invalid('window_starts_at', 'window_starts_at must be an ISO 8601 time');
  const handling = optionalObject(body, 'handling');
  return withoutUndefined({
    fulfillmentType: oneOf(body, 'fulfillment_type', FULFILLMENT_TYPES),
    userId: optionalString(body, 'user_id'),
    basket: basketSpec(body.basket),
    redactShopperPii: optionalBoolean(body, 'redact_shopper_pii'),
    handling: handling && handlingOverrides(handling),
    windowStartsAt: windowStart,
    windowMinutes: optionalNumber(body, 'window_minutes'),
  });
}

/** A partial handling in the wire's names; any wrong field is reported as `handling`. */
function handlingOverrides(handling: JsonObject): HandlingOverrides {
  try {
    const address = optionalObject(handling, 'address');
    const coordinates = optionalObject(handling, 'coordinates');
    return withoutUndefined({
      address:
        address &&
        withoutUndefined({
          addressLine1: optionalString(address, 'address_line_1'),
          addressLine2: optionalString(address, 'address_line_2'),
          locality: optionalString(address, 'locality'),
          administrativeArea: optionalString(address, 'administrative_area'),
          postalCode: optionalString(address, 'postal_code'),
          countryCode: optionalString(address, 'country_code'),
        }),
      coordinates: coordinates && { latitude: requiredNumber(coordinates, 'latitude'), longitude: requiredNumber(coordinates, 'longitude') },
      dropoffLocation: optionalString(handling, 'dropoff_location'),
      notes: optionalString(handling, 'notes'),
      instructions: optionalString(handling, 'instructions'),
      leaveUnattended: optionalBoolean(handling, 'leave_unattended'),
      alcoholic: optionalBoolean(handling, 'alcoholic'),
      certifiedDelivery: optionalBoolean(handling, 'certified_delivery'),
    });
  } catch (error) {
    if (error instanceof SandboxError) throw invalid('handling', `handling: ${error.message}`);
    throw error;
  }
}

function basketSpec(value: unknown): BasketSpec | undefined {
  if (value === undefined || value === null) return undefined;
  if (value === 'small' || value === 'large' || typeof value === 'number') return value;
  throw invalid('basket', 'basket must be "small", "large" or a count from 1 to 24');
}

function requiredNumber(body: JsonObject, key: string): number {
  const value = optionalNumber(body, key);
  if (value === undefined) throw invalid(key, `coordinates need a numeric ${key}`);
  return value;
}

/** The object without its undefined fields, so the model's defaults apply to what the body left out. */
function withoutUndefined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
