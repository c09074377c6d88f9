/**
 * Access tokens (docs/connect-api.md §4): a user token sees only that user's orders; the retailer's
 * client-credentials token drives the Sandbox API. Tokens are opaque strings that expire after
 * `expires_in` seconds of model time.
 */
import { forbidden, invalid, notAllowed, unauthenticated } from './errors.js';
import type { IdGenerator } from './ids.js';
import type { TokenGrant } from './records.js';

/** What a user token is for: the post-checkout endpoints (docs/connect-api.md §4). */
const USER_SCOPE = 'connect:post_checkout';
/**
 * What the Sandbox API needs, and what a client token gets when it asks for no scope: Instacart's Sandbox
 * tutorial asks for none and is answered `"scope": "connect:fulfillment"`.
 */
const CLIENT_SCOPE = 'connect:fulfillment';

/** Scopes Connect documents for each grant type; asking for another one is a wrong `scope`. */
const SCOPES_OF_GRANT: Readonly<Record<TokenRequest['grantType'], readonly string[]>> = {
  fulfillment_user_assertion: [USER_SCOPE, 'Connect::Orders::RatingService'],
  client_credentials: [CLIENT_SCOPE, 'connect:data_ingestion', 'connect:ian', 'connect:compliance', 'connect:recommendations', 'Connect::Orders::RatingService'],
};

/** `POST /v2/oauth/token`, read off the wire: who asks, and for which user when it is a user token. */
export type TokenRequest =
  | { grantType: 'fulfillment_user_assertion'; clientId: string; clientSecret: string; scope?: string; userId: string }
  | { grantType: 'client_credentials'; clientId: string; clientSecret: string; scope?: string };

/**
 * The token endpoint's answer in its wire form. The facade hands it out as is, because that is what a
 * retailer's server passes on to the page (`access_token`, `expires_in`).
 */
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

/** The tokens the sandbox has issued: `sandbox.tokens`. */
export class TokenStore {
  readonly #grants = new Map<string, TokenGrant>();
  readonly #ids: IdGenerator;
  readonly #now: () => number;
  readonly #lifetimeSeconds: number;
  readonly #clients?: readonly ClientCredentials[];

  constructor(ids: IdGenerator, now: () => number, lifetimeSeconds: number, clients?: readonly ClientCredentials[]) {
    this.#ids = ids;
    this.#now = now;
    this.#lifetimeSeconds = lifetimeSeconds;
    this.#clients = clients;
  }

  /** Answers a token request as Connect would: the credentials must be known (when a list was given). */
  grant(request: TokenRequest): RawTokenResponse {
    if (this.#clients && !this.#clients.some((c) => c.clientId === request.clientId && c.clientSecret === request.clientSecret)) {
      throw unauthenticated('Invalid client credentials');
    }
    const scopes = requestedScopes(request);
    if (request.grantType === 'client_credentials') return this.issueClient(request.clientId, scopes?.join(' ') ?? CLIENT_SCOPE);
    if (scopes && !scopes.includes(USER_SCOPE)) throw invalid('scope', `scope must include ${USER_SCOPE}`);
    return this.issueUser(request.userId);
  }

  /** A token that sees `userId`'s orders. */
  issueUser(userId: string): RawTokenResponse {
    return this.#issue('sbxu', (expiresAt) => ({ kind: 'user', userId, scope: USER_SCOPE, expiresAt }), USER_SCOPE);
  }

  /** A client-credentials token for the Sandbox API. */
  issueClient(clientId = 'sandbox', scope = CLIENT_SCOPE): RawTokenResponse {
    return this.#issue('sbxc', (expiresAt) => ({ kind: 'client', clientId, scope, expiresAt }), scope);
  }

  /** The grant behind a bearer token: `unauthenticated` when it is missing, unknown or expired. */
  resolve(token: string | undefined): TokenGrant {
    if (!token) throw unauthenticated('Access token missing');
    const grant = this.#grants.get(token);
    if (!grant || this.#now() >= grant.expiresAt) throw unauthenticated('Access token invalid or expired');
    return grant;
  }

  /** The user a post-checkout request acts for; a client token is refused as Connect refuses it. */
  requireUser(token: string | undefined): string {
    const grant = this.resolve(token);
    if (grant.kind !== 'user') throw notAllowed('User ID not found');
    return grant.userId;
  }

  /**
   * Checks a Sandbox API token. A user token is forbidden rather than unauthenticated: it is a real token of
   * the wrong kind, and a fresh user token would not help.
   */
  requireClient(token: string | undefined): void {
    const grant = this.resolve(token);
    if (grant.kind !== 'client') throw forbidden('The Sandbox API needs a client-credentials token');
    if (!grant.scope.split(' ').includes(CLIENT_SCOPE)) throw forbidden(`The Sandbox API needs a token with the ${CLIENT_SCOPE} scope`);
  }

  /** Makes a token expire now (a dev control, to test what a page does on 401). */
  expire(token: string): boolean {
    const grant = this.#grants.get(token);
    if (!grant) return false;
    grant.expiresAt = this.#now();
    return true;
  }

  /** Forgets every token (they all answer 401 from now on). */
  clear(): void {
    this.#grants.clear();
  }

  #issue(prefix: string, make: (expiresAt: number) => TokenGrant, scope: string): RawTokenResponse {
    const createdAt = this.#now();
    const token = this.#ids.token(prefix);
    this.#grants.set(token, make(createdAt + this.#lifetimeSeconds * 1000));
    return {
      access_token: token,
      token_type: 'Bearer',
      expires_in: this.#lifetimeSeconds,
      scope,
      created_at: Math.floor(createdAt / 1000),
    };
  }
}

/**
 * The scopes a token request names, or undefined when it names none. Connect separates several with commas;
 * OAuth clients use spaces, so either is read. Each must be documented for the request's grant type.
 */
function requestedScopes(request: TokenRequest): string[] | undefined {
  const scopes = (request.scope ?? '').split(/[\s,]+/).filter(Boolean);
  if (scopes.length === 0) return undefined;
  const known = SCOPES_OF_GRANT[request.grantType];
  const unknown = scopes.find((scope) => !known.includes(scope));
  if (unknown !== undefined) throw invalid('scope', `scope must be among ${known.join(', ')} for grant_type ${request.grantType}`);
  return [...new Set(scopes)];
}
