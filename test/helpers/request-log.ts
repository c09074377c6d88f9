/**
 * A fetch that records every request a tracker makes (method, path, clock time) and knows how many are still
 * in flight, so tests can assert which endpoints were called in which state, and settle before moving time.
 */

export interface LoggedRequest {
  method: string;
  path: string;
  /** The endpoint in the post-checkout API's terms, or 'other'. */
  resource: 'order' | 'items' | 'handling' | 'location' | 'replacement' | 'other';
  at: number;
  headers: Headers;
}

export function resourceOf(path: string): LoggedRequest['resource'] {
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

export class RequestLog {
  readonly requests: LoggedRequest[] = [];
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly now: () => number,
    private readonly underlying?: typeof fetch,
  ) {}

  /** Pass this to configureTracking({ fetch }). */
  readonly fetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    this.requests.push({
      method: request.method,
      path: url.pathname,
      resource: resourceOf(url.pathname),
      at: this.now(),
      headers: request.headers,
    });
    this.inFlight += 1;
    try {
      // Looked up per call: MSW patches globalThis.fetch when it starts listening, which may be later.
      const response = await (this.underlying ?? globalThis.fetch)(request);
      // Held until the whole body has arrived, so "idle" means the answer is in the caller's hands.
      const body = response.status === 204 || response.status === 304 ? null : await response.arrayBuffer();
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  };

  get pending(): number {
    return this.inFlight;
  }

  /** Resolves once no request is in flight and none started for a few real ticks (answers handled). */
  async idle(): Promise<void> {
    let quietRounds = 0;
    for (let round = 0; round < 200 && quietRounds < 2; round += 1) {
      if (this.inFlight > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
      const started = this.requests.length;
      for (let i = 0; i < 3; i += 1) await new Promise((resolve) => globalThis.setTimeout(resolve, 0));
      quietRounds = this.inFlight === 0 && this.requests.length === started ? quietRounds + 1 : 0;
    }
  }

  count(resource: LoggedRequest['resource'], from = -Infinity, to = Infinity): number {
    return this.requests.filter((r) => r.resource === resource && r.at >= from && r.at < to).length;
  }

  clear(): void {
    this.requests.length = 0;
  }
}
