/**
 * The `assertion` of a `fulfillment_user_assertion` token request (docs/connect-api.md §4): base64 of
 * `{"user_id": "…"}`. A wire encoding, so it is read here and the model sees only the user id.
 */
import { invalid } from '../model/errors.js';

const MALFORMED = 'assertion must be base64 of {"user_id": "…"}';

/** The user id inside an assertion, base64 standard or URL-safe; a number is taken as its digits. */
export function decodeAssertion(assertion: string | undefined): string {
  if (!assertion) throw invalid('assertion', 'assertion is required');
  let json: unknown;
  try {
    const binary = atob(assertion.replace(/-/g, '+').replace(/_/g, '/').replace(/\s+/g, ''));
    json = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
  } catch {
    throw invalid('assertion', MALFORMED);
  }
  const userId = (json as { user_id?: unknown } | null)?.user_id;
  if ((typeof userId === 'string' && userId.trim()) || (typeof userId === 'number' && Number.isFinite(userId))) {
    return String(userId);
  }
  throw invalid('assertion', MALFORMED);
}

/** base64 of `{"user_id": userId}`: what a retailer's server puts in `assertion`. */
export function encodeAssertion(userId: string): string {
  const bytes = new TextEncoder().encode(JSON.stringify({ user_id: userId }));
  return btoa(String.fromCharCode(...bytes));
}
