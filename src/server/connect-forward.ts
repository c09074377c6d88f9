/**
 * Forwarding one allowed post-checkout call to Connect with the customer's token, and turning Connect's
 * answer into what the browser gets: Connect's status and body (errors keep Connect's envelope, a 429 keeps
 * its Retry-After), only the safe headers, and never a body that contains the token or the client secret
 * (Connect has no reason to echo either; if it ever did, the answer is withheld rather than leaked).
 */
import { callConnect, type ConnectAnswer, type ConnectCallSettings } from './connect-call.js';
import { PRIVATE_RESPONSE_HEADERS, badGateway } from './proxy-error.js';
import type { ProxyRoute } from './routes.js';
import { browserResponseHeaders, connectRequestHeaders } from './upstream-headers.js';

export interface ForwardSettings extends ConnectCallSettings {
  connectBase: string;
  clientSecret: string;
}

type ConnectRoute = Extract<ProxyRoute, { kind: 'connect' }>;

/** Sends the call with `accessToken`; `body` is the checked JSON of a PUT. */
export function forwardToConnect(
  route: ConnectRoute,
  request: Request,
  body: string | undefined,
  accessToken: string,
  settings: ForwardSettings,
): Promise<ConnectAnswer> {
  return callConnect(
    {
      url: settings.connectBase + route.connectPath,
      method: route.method,
      headers: connectRequestHeaders(request.headers, accessToken, body !== undefined),
      ...(body === undefined ? {} : { body }),
      signal: request.signal,
    },
    settings,
  );
}

/** What the browser gets for Connect's `answer` to a call made with `accessToken`. */
export function browserResponse(
  answer: ConnectAnswer,
  accessToken: string,
  settings: ForwardSettings,
  extraHeaders: Readonly<Record<string, string>>,
): Response {
  if (answer.status >= 300 && answer.status < 400) {
    settings.log.error('upstream_redirect', `Connect answered with a redirect (HTTP ${answer.status}); not followed.`, answer.status);
    throw badGateway('Connect answered with a redirect');
  }
  const text = new TextDecoder().decode(answer.body);
  if (text.includes(accessToken) || text.includes(settings.clientSecret)) {
    settings.log.error('upstream_withheld', 'Connect answered with a credential in the body; the answer was withheld.', answer.status);
    throw badGateway("Connect's answer was withheld");
  }
  if (answer.status >= 400) settings.log.info('upstream_error', `Connect answered HTTP ${answer.status}.`, answer.status);
  const nullBody = answer.status === 204 || answer.status === 205;
  return new Response(nullBody ? null : (answer.body as BodyInit), {
    status: answer.status,
    headers: { ...browserResponseHeaders(answer.headers), ...PRIVATE_RESPONSE_HEADERS, ...extraHeaders },
  });
}
