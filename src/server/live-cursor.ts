/**
 * The `id` of the stream's events, which a page sends back as `Last-Event-ID` to resume: which server gave
 * it out, and that server's time in ms when it did (`k3x9q2.1718000000412`). A server resumes its own ids
 * exactly. Another server's ids are read with a margin for the two clocks' difference, so a change around
 * the cut may be told twice (harmless: it is a hint to re-read) but is never missed.
 */

export interface LiveCursor {
  instance: string;
  ms: number;
}

/** How far two servers' clocks may disagree when one resumes the other's stream. */
export const FOREIGN_CURSOR_SLACK_MS = 2_000;

const CURSOR = /^([a-z0-9]{4,16})\.(\d{1,15})$/;

export function formatCursor(cursor: LiveCursor): string {
  return `${cursor.instance}.${cursor.ms}`;
}

/** The cursor in a `Last-Event-ID`, or undefined when it is not one the kit gave out. */
export function parseCursor(text: string): LiveCursor | undefined {
  const match = text.length <= 64 ? CURSOR.exec(text.trim()) : null;
  if (!match) return undefined;
  return { instance: match[1] as string, ms: Number(match[2]) };
}

/** A random name for this server's hub, so its cursors can be told from another's. */
export function newInstanceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return [...bytes].map((byte) => (byte % 36).toString(36)).join('');
}
