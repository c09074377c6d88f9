/**
 * `{"upc"|"rrc", "count"|"weight"}` as the shopper's `replacement_item` or the customer's `alternative_item`
 * sends it: codes may come as numbers (curl users), amounts must be numbers. Which combination is allowed is
 * the model's rule.
 */
import type { ItemReference } from '../model/records.js';
import { invalid } from '../model/errors.js';
import { optionalObject, type JsonObject } from './request.js';

export function itemReference(body: JsonObject, key: string): ItemReference | undefined {
  const value = optionalObject(body, key);
  if (!value) return undefined;
  const reference: ItemReference = {};
  for (const field of ['upc', 'rrc'] as const) {
    const code = value[field];
    if (code === undefined) continue;
    if (typeof code !== 'string' && typeof code !== 'number') throw invalid(key, `${key}.${field} must be a string`);
    reference[field] = String(code);
  }
  for (const field of ['count', 'weight'] as const) {
    const amount = value[field];
    if (amount === undefined) continue;
    if (typeof amount !== 'number') throw invalid(key, `${key}.${field} must be a number`);
    reference[field] = amount;
  }
  return reference;
}
