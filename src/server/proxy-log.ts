/**
 * The kit's logging: silent unless the retailer passes a `logger`, and never a secret in it. Messages are
 * the kit's own sentences with statuses and error class names, never a request's or Connect's text; as a
 * last guard, every message is scrubbed of the client secret before it leaves.
 */

/** One thing worth knowing that happened. */
export interface ProxyLogEntry {
  level: 'info' | 'warn' | 'error';
  /** A stable name to filter on, e.g. `token_minted`, `mint_failed`, `upstream_timeout`, `rate_limited`. */
  event: string;
  message: string;
  /** The HTTP status involved, when there is one. */
  status?: number;
}

/** Receives the kit's log entries (e.g. `(entry) => pino[entry.level](entry, entry.message)`). */
export type ProxyLogger = (entry: ProxyLogEntry) => void;

export class ProxyLog {
  readonly #logger: ProxyLogger | undefined;
  readonly #secret: string;

  constructor(logger: ProxyLogger | undefined, secret: string) {
    this.#logger = logger;
    this.#secret = secret;
  }

  info(event: string, message: string, status?: number): void {
    this.#write('info', event, message, status);
  }

  warn(event: string, message: string, status?: number): void {
    this.#write('warn', event, message, status);
  }

  error(event: string, message: string, status?: number): void {
    this.#write('error', event, message, status);
  }

  #write(level: ProxyLogEntry['level'], event: string, message: string, status: number | undefined): void {
    if (!this.#logger) return;
    const safe = this.#secret ? message.split(this.#secret).join('[redacted]') : message;
    try {
      this.#logger(status === undefined ? { level, event, message: safe } : { level, event, message: safe, status });
    } catch {
      // A broken logger must not turn a customer's request into an error.
    }
  }
}

/** An error's class name only: its message may quote whatever the failing library saw (a URL, a header). */
export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
