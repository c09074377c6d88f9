/**
 * Mints a customer's user access token (docs/connect-api.md §4): `POST /v2/oauth/token` with the retailer's
 * client credentials and `grant_type: fulfillment_user_assertion`, whose assertion is base64 of
 * `{"user_id": "…"}`. The answer is checked before it is trusted. Whatever goes wrong, the browser is told
 * only that no token could be had: Connect's words about the credentials stay on the server.
 */
import { callConnect, type ConnectAnswer, type ConnectCallSettings } from './connect-call.js';
import { badGateway, tooManyRequests } from './proxy-error.js';
import type { StoredToken } from './token-store.js';
import type { MintUserToken } from './user-tokens.js';
import { retryAfterSeconds } from './upstream-headers.js';

export const USER_TOKEN_SCOPE = 'connect:post_checkout';

/** Longest token the kit accepts; Connect's are far shorter, and a bounded one keeps the cache bounded. */
const MAX_TOKEN_LENGTH = 4096;
/** Longest lifetime believed: a year. A larger `expires_in` is a mistake, not a reason to cache forever. */
const MAX_LIFETIME_SECONDS = 365 * 24 * 3600;

export interface TokenMinterSettings extends ConnectCallSettings {
  connectBase: string;
  clientId: string;
  clientSecret: string;
  /** How long before expiry a token is replaced; at most a tenth of its lifetime. */
  refreshMarginMs: number;
}

export function tokenMinter(settings: TokenMinterSettings): MintUserToken {
  const url = `${settings.connectBase}/v2/oauth/token`;
  return async (userId) => {
    const answer = await callConnect(
      {
        url,
        method: 'POST',
        headers: new Headers({ 'Content-Type': 'application/json', Accept: 'application/json' }),
        body: JSON.stringify({
          grant_type: 'fulfillment_user_assertion',
          client_id: settings.clientId,
          client_secret: settings.clientSecret,
          scope: USER_TOKEN_SCOPE,
          assertion: userAssertion(userId),
        }),
      },
      settings,
    );
    if (answer.status === 429) {
      settings.log.warn('mint_rate_limited', 'Connect rate-limited a token request.', 429);
      throw tooManyRequests('Connect is busy, retry later', retryAfterSeconds(answer.headers.get('Retry-After')) ?? 1);
    }
    if (answer.status !== 200) {
      settings.log.error('mint_failed', `Connect refused a token request (HTTP ${answer.status}${connectCode(answer)}).`, answer.status);
      throw badGateway('Could not get an access token from Connect');
    }
    const token = readToken(answer, settings.clock.now(), settings.refreshMarginMs);
    if (!token) {
      settings.log.error('mint_failed', 'Connect answered a token request with something that is not a token.', 200);
      throw badGateway('Could not get an access token from Connect');
    }
    settings.log.info('token_minted', 'Minted a user access token.');
    return token;
  };
}

/** base64 of `{"user_id": userId}` (UTF-8), without Node's Buffer so the kit runs in any runtime. */
export function userAssertion(userId: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(JSON.stringify({ user_id: userId }))) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function readToken(answer: ConnectAnswer, now: number, refreshMarginMs: number): StoredToken | undefined {
  const body = parseJsonObject(answer.body);
  const accessToken = body?.access_token;
  const expiresIn = typeof body?.expires_in === 'string' ? Number(body.expires_in) : body?.expires_in;
  if (typeof accessToken !== 'string' || !/^[\x21-\x7e]+$/.test(accessToken) || accessToken.length > MAX_TOKEN_LENGTH) return undefined;
  if (typeof expiresIn !== 'number' || !(expiresIn > 0 && expiresIn <= MAX_LIFETIME_SECONDS)) return undefined;
  const lifetimeMs = expiresIn * 1000;
  return { accessToken, expiresAt: now + lifetimeMs, refreshAt: now + lifetimeMs - Math.min(refreshMarginMs, lifetimeMs / 10) };
}

/** ` code 4001` from Connect's error envelope, when it has a numeric code (its message is not logged). */
function connectCode(answer: ConnectAnswer): string {
  const error = parseJsonObject(answer.body)?.error;
  const code = typeof error === 'object' && error !== null ? (error as Record<string, unknown>).code : undefined;
  return typeof code === 'number' && Number.isInteger(code) ? `, code ${code}` : '';
}

function parseJsonObject(bytes: Uint8Array): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
