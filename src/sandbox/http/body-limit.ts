/**
 * The one limit on what the emulator reads of a request body: 1 MiB, far above anything the API or the
 * dev controls take (docs/sandbox.md, "Limits"). A body declared larger is refused unread; one that grows
 * past the limit while it streams in is cut off there, so no request can make the emulator hold more.
 */
import { ErrorCode, WireRefusal } from './connect-errors.js';

/** The largest request body read, in bytes. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** 413 in Connect's shape. */
export function bodyTooLarge(): WireRefusal {
  return new WireRefusal(413, ErrorCode.invalidParameter, `The body must be at most ${BODY_LIMIT_BYTES} bytes`, 'body');
}

/** Whether `Content-Length` already says the body is over the limit. */
export function declaredTooLarge(contentLength: string | null | undefined): boolean {
  return typeof contentLength === 'string' && /^\s*\d+\s*$/.test(contentLength) && Number(contentLength) > BODY_LIMIT_BYTES;
}

/** The body as text (UTF-8), read up to the limit and no further: `bodyTooLarge` past it. */
export async function readBodyText(request: Request): Promise<string> {
  if (declaredTooLarge(request.headers.get('Content-Length'))) throw bodyTooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > BODY_LIMIT_BYTES) {
      // Not awaited: MSW hands routes a clone, and cancelling one branch of a tee settles only once the
      // other branch is cancelled too.
      reader.cancel().catch(() => undefined);
      throw bodyTooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
}
