/**
 * The settings a page gives an element, checked before anything is asked: a wrong one would send the
 * customer's token where it must not go (in cleartext, to another path of Connect, to another site), or
 * fail in a way the customer can only read as "Connect could not be reached". A refused setting is a
 * misconfiguration of the page, told to its developer by name; no request is made.
 */

/** The settings that decide where requests and the token go. */
export interface RequestSettings {
  /** Trimmed, non-empty. */
  orderId: string;
  apiBase: string;
  tokenUrl?: string | null;
  proxy?: boolean;
}

/** Where a developer's machine serves the sandbox: plain http is fine there, and only there. */
const LOCAL_HOST = /^(localhost|127\.0\.0\.1|\[::1\])$|\.localhost$/;

/**
 * Why the settings cannot be used, as a message naming the setting for the page's developer; undefined when
 * they can. `page` is the page's URL (relative settings resolve against it).
 *
 * - `order-id` is one path segment: no `/` or `\`, not `.` or `..` (a URL would resolve them to another
 *   path of Connect, with the token), no control characters, at most 200 characters (a UUID has 36).
 * - `api-base` is on the page's own origin (relative, or the retailer's proxy), or `https:`; plain `http:`
 *   only to localhost, 127.0.0.1, [::1] or *.localhost, where the sandbox runs.
 * - `proxy` authenticates by the page's session cookie, which only reaches the page's own origin.
 * - `token-url` is answered with the customer's token: only the page's own origin may do that.
 */
export function refusedSetting({ orderId, apiBase, tokenUrl, proxy }: RequestSettings, page = new URL(location.href)): string | undefined {
  if (orderId.length > 200 || /^\.\.?$|[/\\\p{Cc}]/u.test(orderId)) return 'order-id must be one Connect order id (one URL path segment).';
  const api = webUrl(apiBase, page);
  const ownOrigin = api?.origin === page.origin;
  if (!api || !(ownOrigin || api.protocol === 'https:' || LOCAL_HOST.test(api.hostname))) {
    return 'api-base must be an https: URL (or http: on localhost): the token must not travel in cleartext.';
  }
  if (proxy ? !ownOrigin : tokenUrl && webUrl(tokenUrl, page)?.origin !== page.origin) {
    return `${proxy ? 'proxy needs an api-base' : 'token-url must be'} on the page's own origin.`;
  }
  return undefined;
}

/** An http(s) URL resolved against the page, or undefined (`javascript:`, `data:`, not a URL at all). */
function webUrl(value: string, page: URL): URL | undefined {
  try {
    const url = new URL(value, page);
    return /^https?:$/.test(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}
