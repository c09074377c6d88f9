/**
 * Access tokens (shared/instacart-api.md §4): `POST /v2/oauth/token` with `fulfillment_user_assertion`
 * gives a user token that sees only that user's orders; `client_credentials` gives the retailer's client
 * token for the Sandbox API. Tokens are opaque strings that expire after `expires_in` seconds of model time.
 */
import { ErrorCode, invalidParameter, SandboxError, unauthorized } from './errors.js';
import type { IdGenerator } from './ids.js';
import type { TokenGrant } from './records.js';

export const USER_SCOPE = 'connect:post_checkout';
export const CLIENT_SCOPE = 'connect:fulfillment connect:fulfillment_sandbox';

export interface TokenRequest {
  grantType: string;
  clientId?: string;
  clientSecret?: string;
  scope?: string;
  /** base64 of `{"user_id": "…"}` (fulfillment_user_assertion only). */
  assertion?: string;
}

/** The token endpoint's answer, in its wire form. */
export interface RawTokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
  created_at: number;
}

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

export class TokenStore {
  private readonly grants = new Map<string, TokenGrant>();

  constructor(
    private readonly ids: IdGenerator,
    private readonly now: () => number,
    private readonly lifetimeSeconds: number,
    private readonly clients?: readonly ClientCredentials[],
  ) {}

  /** Answers a token request, validating it as Connect would. */
  grant(request: TokenRequest): RawTokenResponse {
    if (!request.grantType) throw invalidParameter('grant_type', 'grant_type is required');
    if (request.grantType !== 'fulfillment_user_assertion' && request.grantType !== 'client_credentials') {
      throw invalidParameter('grant_type', `Unsupported grant_type: ${request.grantType}`);
    }
    if (!request.clientId) throw invalidParameter('client_id', 'client_id is required');
    if (!request.clientSecret) throw invalidParameter('client_secret', 'client_secret is required');
    if (this.clients && !this.clients.some((c) => c.clientId === request.clientId && c.clientSecret === request.clientSecret)) {
      throw unauthorized('Invalid client credentials');
    }
    if (request.grantType === 'client_credentials') return this.issueClient(request.clientId, request.scope || CLIENT_SCOPE);
    if (request.scope && !request.scope.split(/\s+/).includes(USER_SCOPE)) {
      throw invalidParameter('scope', `scope must be ${USER_SCOPE}`);
    }
    return this.issueUser(decodeAssertion(request.assertion), USER_SCOPE);
  }

  issueUser(userId: string, scope = USER_SCOPE): RawTokenResponse {
    return this.issue('sbxu', (expiresAt) => ({ kind: 'user', userId, scope, expiresAt }), scope);
  }

  issueClient(clientId = 'sandbox', scope = CLIENT_SCOPE): RawTokenResponse {
    return this.issue('sbxc', (expiresAt) => ({ kind: 'client', clientId, scope, expiresAt }), scope);
  }

  /** The grant behind a bearer token: 401 when it is missing, unknown or expired. */
  resolve(token: string | undefined): TokenGrant {
    if (!token) throw unauthorized('Access token missing');
    const grant = this.grants.get(token);
    if (!grant || this.now() >= grant.expiresAt) throw unauthorized('Access token invalid or expired');
    return grant;
  }

  /** Makes a token expire now (a dev control, to test what a page does on 401). */
  expire(token: string): boolean {
    const grant = this.grants.get(token);
    if (!grant) return false;
    grant.expiresAt = this.now();
    return true;
  }

  clear(): void {
    this.grants.clear();
  }

  private issue(prefix: string, make: (expiresAt: number) => TokenGrant, scope: string): RawTokenResponse {
    const createdAt = this.now();
    const token = this.ids.token(prefix);
    this.grants.set(token, make(createdAt + this.lifetimeSeconds * 1000));
    return {
      access_token: token,
      token_type: 'Bearer',
      expires_in: this.lifetimeSeconds,
      scope,
      created_at: Math.floor(createdAt / 1000),
    };
  }
}

/** The user id inside a `fulfillment_user_assertion`: base64 (standard or URL-safe) of `{"user_id": …}`. */
export function decodeAssertion(assertion: string | undefined): string {
  if (!assertion) throw invalidParameter('assertion', 'assertion is required');
  let json: unknown;
  try {
    const binary = atob(assertion.replace(/-/g, '+').replace(/_/g, '/').replace(/\s+/g, ''));
    json = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
  } catch {
    throw invalidParameter('assertion', 'assertion must be base64 of {"user_id": "…"}');
  }
  const userId = (json as { user_id?: unknown } | null)?.user_id;
  if ((typeof userId === 'string' && userId.trim()) || (typeof userId === 'number' && Number.isFinite(userId))) {
    return String(userId);
  }
  throw invalidParameter('assertion', 'assertion must be base64 of {"user_id": "…"}');
}

/** base64 of `{"user_id": userId}`: what a retailer's server puts in `assertion`. */
export function encodeAssertion(userId: string): string {
  const bytes = new TextEncoder().encode(JSON.stringify({ user_id: userId }));
  return btoa(String.fromCharCode(...bytes));
}

/** 400/4001 `User ID not found`: what Connect answers a client-credentials token on post-checkout. */
export function userIdNotFound(): SandboxError {
  return new SandboxError({ status: 400, code: ErrorCode.invalidRequest, message: 'User ID not found' });
}
