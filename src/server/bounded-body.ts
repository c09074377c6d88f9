/**
 * Reads a body stream up to a byte limit and no further. A request or an upstream answer larger than the
 * limit is cut off at the limit, not buffered whole first: the kit's memory per request stays bounded
 * whatever a client or Connect sends.
 */

/** The body went over its limit; the stream has been cancelled. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The body is larger than ${limit} bytes.`);
    this.name = 'BodyTooLargeError';
  }
}

/** All the bytes of `stream` (empty for none), or BodyTooLargeError past `limit` bytes. */
export async function readBoundedBytes(stream: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array> {
  if (!stream) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Whether a declared `Content-Length` already says the body is over `limit` (so it need not be read). */
export function declaredTooLarge(headers: Headers, limit: number): boolean {
  const declared = headers.get('Content-Length');
  return declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit;
}
