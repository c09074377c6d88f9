/**
 * Which headers cross the proxy. Upstream goes only what Connect needs (Accept, Accept-Language, the
 * Content-Type of a replacement decision, and the bearer token the kit adds); back comes only what the
 * widget reads (Content-Type, Retry-After). Cookies, the browser's own Authorization, Connect's Set-Cookie
 * and anything else stay where they are. Every value that crosses is checked against its grammar first.
 */

const ACCEPT = /^[\w.+*/-]+(\s*;\s*[\w.-]+=[\w.-]+)*(\s*,\s*[\w.+*/-]+(\s*;\s*[\w.-]+=[\w.-]+)*)*$/;
/** BCP 47 tags with optional q-values, e.g. `fr-CA,fr;q=0.9,en;q=0.5`. */
const ACCEPT_LANGUAGE = /^(\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)(\s*;\s*q=[01](\.\d{0,3})?)?(\s*,\s*(\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)(\s*;\s*q=[01](\.\d{0,3})?)?)*$/;
const CONTENT_TYPE = /^[\w.+-]+\/[\w.+-]+(\s*;\s*[\w.-]+=("?)[\w.-]+\2)*$/;
const DELAY_SECONDS = /^\d{1,9}$/;
/** The IMF-fixdate form of an HTTP date, e.g. `Wed, 21 Oct 2015 07:28:00 GMT`. */
const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const MAX_HEADER_LENGTH = 200;

function wellFormed(value: string | null, grammar: RegExp): string | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  return trimmed.length > 0 && trimmed.length <= MAX_HEADER_LENGTH && grammar.test(trimmed) ? trimmed : undefined;
}

/** The headers of a post-checkout call: the browser's Accept and Accept-Language when well-formed, plus the token. */
export function connectRequestHeaders(browser: Headers, accessToken: string, jsonBody: boolean): Headers {
  const headers = new Headers({
    Accept: wellFormed(browser.get('Accept'), ACCEPT) ?? 'application/json',
    Authorization: `Bearer ${accessToken}`,
  });
  const language = wellFormed(browser.get('Accept-Language'), ACCEPT_LANGUAGE);
  if (language) headers.set('Accept-Language', language);
  // The body is re-serialised JSON by then, so its type is known rather than copied.
  if (jsonBody) headers.set('Content-Type', 'application/json');
  return headers;
}

/** The headers of Connect's answer a browser may see. */
export function browserResponseHeaders(connect: Headers): Record<string, string> {
  const headers: Record<string, string> = {};
  const contentType = wellFormed(connect.get('Content-Type'), CONTENT_TYPE);
  if (contentType) headers['Content-Type'] = contentType;
  const retryAfter = connect.get('Retry-After')?.trim() ?? null;
  if (wellFormed(retryAfter, DELAY_SECONDS) ?? wellFormed(retryAfter, HTTP_DATE)) headers['Retry-After'] = retryAfter as string;
  return headers;
}

/** A `Retry-After` in seconds, when it is the delay-seconds form. */
export function retryAfterSeconds(value: string | null): number | undefined {
  const delay = wellFormed(value, DELAY_SECONDS);
  return delay === undefined ? undefined : Number(delay);
}

/** Whether a Content-Type names JSON (`application/json`, with parameters or not). */
export function isJsonContentType(value: string | null): boolean {
  return value !== null && /^application\/json\s*(;|$)/i.test(value.trim());
}
