/**
 * `POST /v2/oauth/token` (docs/connect-api.md §4): a user token for an assertion, or the retailer's client
 * token. It belongs to the control surface: a retailer's server calls it with the client secret, which never
 * reaches a browser, so no page of another site may call it (`callers.ts`).
 */
import { http, type HttpHandler } from 'msw';
import type { Sandbox } from '../sandbox.js';
import { decodeAssertion } from './assertion.js';
import type { ControlSurface } from './callers.js';
import { oneOf, optionalString, readBody, requiredString } from './request.js';
import { jsonResponse, route } from './responses.js';

const GRANT_TYPES = ['fulfillment_user_assertion', 'client_credentials'] as const;

export function tokenHandler(sandbox: Sandbox, at: (path: string) => string, control: ControlSurface): HttpHandler {
  return http.post(
    at('/v2/oauth/token'),
    route(async (request) => {
      const body = await readBody(request, { required: true });
      const grantType = oneOf(body, 'grant_type', GRANT_TYPES, true);
      const client = { clientId: requiredString(body, 'client_id'), clientSecret: requiredString(body, 'client_secret'), scope: optionalString(body, 'scope') };
      return jsonResponse(
        grantType === 'client_credentials'
          ? sandbox.issueToken({ grantType, ...client })
          : sandbox.issueToken({ grantType, ...client, userId: decodeAssertion(optionalString(body, 'assertion')) }),
      );
    }, control),
  );
}
