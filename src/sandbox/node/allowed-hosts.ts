/**
 * Which `Host` the Node server answers: loopback names (`localhost`, `*.localhost`, `127.x.x.x`, `[::1]`),
 * the host it listens on, and the names it was told to allow. Any other name means the page reached this
 * server through a name that is not its own, as a DNS rebinding attack does: a site of the attacker's
 * whose name now resolves to 127.0.0.1 would otherwise be "same-origin" with the emulator. Node-only.
 */

/** `name[:port]`, a bracketed IPv6 address with an optional port; nothing else is a Host. */
const HOST = /^(?:\[([0-9a-f:.]{2,45})\]|([a-z0-9.-]{1,253}))(?::\d{1,5})?$/;
const LOOPBACK_V4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

export class AllowedHosts {
  readonly #names: ReadonlySet<string>;

  /** `listenHost` is the address the server binds; `extra` names reached in other ways (a LAN name). */
  constructor(listenHost: string, extra: readonly string[] = []) {
    this.#names = new Set([listenHost, ...extra].map((name) => name.toLowerCase().replace(/^\[(.*)\]$/, '$1')));
  }

  /** Whether a request with this `Host` header may be answered. */
  allows(hostHeader: string): boolean {
    const match = HOST.exec(hostHeader.toLowerCase());
    if (!match) return false;
    const name = (match[1] ?? match[2]) as string;
    return name === 'localhost' || name.endsWith('.localhost') || LOOPBACK_V4.test(name) || name === '::1' || this.#names.has(name);
  }
}
