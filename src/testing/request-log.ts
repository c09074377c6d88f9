/**
 * A fetch that records every request a tracker makes (method, path, clock time) and knows how many are still
 * in flight, so tests can assert which endpoints were called in which state, and settle before moving time.
 */

/** One request as the log saw it. */
export interface LoggedRequest {
  method: string;
  path: string;
  /** The endpoint in the post-checkout API's terms, or 'other'. */
  resource: 'order' | 'items' | 'handling' | 'location' | 'replacement' | 'other';
  at: number;
  headers: Headers;
}

/** Which post-checkout endpoint a path is (docs/connect-api.md §1), or 'other'. */
function resourceOf(path: string): LoggedRequest['resource'] {
  const match = /\/v2\/post_checkout\/orders\/[^/]+(\/.*)?$/.exec(path);
  if (!match) return 'other';
  const rest = match[1] ?? '';
  if (rest === '') return 'order';
  if (rest === '/items') return 'items';
  if (rest === '/handling') return 'handling';
  if (rest === '/location') return 'location';
  if (/^\/items\/[^/]+\/replacement$/.test(rest)) return 'replacement';
  return 'other';
}

/**
 * Wraps a fetch and logs each request with the time `now` gives (a ManualClock's, typically). Give its
 * `fetch` to whatever makes the requests. The underlying fetch defaults to the global one, looked up per call
 * (MSW patches it when it starts listening, which may be later); when the log itself replaces the global
 * fetch, pass the original as `underlying`.
 */
export class RequestLog {
  /** Every request so far, oldest first. */
  readonly requests: LoggedRequest[] = [];
  #inFlight = 0;
  #idleWaiters: (() => void)[] = [];
  readonly #now: () => number;
  readonly #underlying?: typeof fetch;

  constructor(now: () => number, underlying?: typeof fetch) {
    this.#now = now;
    this.#underlying = underlying;
  }

  /** The logging fetch: pass it to `configureTracking({ fetch })` or an OrderTracker's `fetch` option. */
  readonly fetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    this.requests.push({
      method: request.method,
      path: url.pathname,
      resource: resourceOf(url.pathname),
      at: this.#now(),
      headers: request.headers,
    });
    this.#inFlight += 1;
    try {
      // Looked up per call: MSW patches globalThis.fetch when it starts listening, which may be later.
      const response = await (this.#underlying ?? globalThis.fetch)(request);
      // Held until the whole body has arrived, so "idle" means the answer is in the caller's hands.
      const body = response.status === 204 || response.status === 304 ? null : await response.arrayBuffer();
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    } finally {
      this.#inFlight -= 1;
      if (this.#inFlight === 0) for (const resolve of this.#idleWaiters.splice(0)) resolve();
    }
  };

  /** Requests sent and not yet answered in full. */
  get pending(): number {
    return this.#inFlight;
  }

  /** Resolves once no request is in flight and none started for a few real ticks (answers handled). */
  async idle(): Promise<void> {
    let quietRounds = 0;
    for (let round = 0; round < 200 && quietRounds < 2; round += 1) {
      if (this.#inFlight > 0) await new Promise<void>((resolve) => this.#idleWaiters.push(resolve));
      const started = this.requests.length;
      for (let i = 0; i < 3; i += 1) await new Promise((resolve) => globalThis.setTimeout(resolve, 0));
      quietRounds = this.#inFlight === 0 && this.requests.length === started ? quietRounds + 1 : 0;
    }
  }

  /** Requests to `resource` logged at a time in [from, to). */
  count(resource: LoggedRequest['resource'], from = -Infinity, to = Infinity): number {
    return this.requests.filter((r) => r.resource === resource && r.at >= from && r.at < to).length;
  }

  /** Forgets the requests logged so far (those in flight are still waited for by `idle`). */
  clear(): void {
    this.requests.length = 0;
  }
}
