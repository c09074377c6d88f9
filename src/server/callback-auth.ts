/**
 * Who may post callbacks: Instacart, proving it with a bearer token (docs/connect-api.md §6 says callback
 * endpoints are protected by OAuth 2.0). The default compares the token with the ones the retailer
 * configured; a retailer that runs the OAuth token endpoint Instacart fetches from passes its own check.
 *
 * The comparison is of SHA-256 digests, byte by byte without stopping early, so neither the time it takes
 * nor an early mismatch tells an attacker how much of a guess was right, or how long the real token is.
 */

/** The retailer's check of a callback request: true when it comes from Instacart. */
export type VerifyCallback = (request: Request) => boolean | Promise<boolean>;

/** `Authorization: Bearer <token68>`, bounded. */
const BEARER = /^Bearer ([A-Za-z0-9\-._~+/]{1,4096}=*)$/i;

/** The default check: the request's bearer token is one of `tokens`. */
export function bearerTokenCheck(tokens: readonly string[]): VerifyCallback {
  const expected = Promise.all(tokens.map(digest));
  return async (request) => {
    const presented = BEARER.exec(request.headers.get('Authorization')?.trim() ?? '')?.[1];
    if (presented === undefined) return false;
    const given = await digest(presented);
    let matched = false;
    // Every configured token is compared, so the time does not say which one (if any) matched.
    for (const candidate of await expected) matched = sameBytes(given, candidate) || matched;
    return matched;
  };
}

async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < a.length; i += 1) difference |= (a[i] as number) ^ (b[i] ?? 0);
  return difference === 0;
}
