/**
 * The one error the emulator's model throws when a request breaks one of its rules. It says what kind of
 * rule was broken and which input field, in the model's own (camelCase) terms; `http/connect-errors.ts`
 * turns it into Connect's HTTP status, error code and `meta.key` (docs/connect-api.md §3). The model knows
 * nothing of HTTP.
 */

/**
 * - `invalid`: an input value is wrong (a malformed email, a status that is not one of the batch's).
 * - `not_allowed`: the input is fine, but the current state does not allow it (the order is not picking).
 * - `not_found`: something the request names does not exist, or is not the caller's to see.
 * - `unauthenticated`: no valid token.
 * - `forbidden`: a valid token that may not do this.
 */
export type SandboxErrorKind = 'invalid' | 'not_allowed' | 'not_found' | 'unauthenticated' | 'forbidden';

export class SandboxError extends Error {
  readonly kind: SandboxErrorKind;
  /** The input the error is about, as the facade's inputs name it (`shopperId`, `deliveredCount`). */
  readonly field?: string;
  /** When a request broke several rules at once: each of them (Connect lists them under code 9999). */
  readonly errors?: readonly SandboxError[];

  constructor(kind: SandboxErrorKind, message: string, field?: string, errors?: readonly SandboxError[]) {
    super(message);
    this.name = 'SandboxError';
    this.kind = kind;
    if (field !== undefined) this.field = field;
    if (errors !== undefined) this.errors = errors;
  }
}

/** A wrong input value; `field` is undefined when no one parameter is to blame. */
export function invalid(field: string | undefined, message: string): SandboxError {
  return new SandboxError('invalid', message, field);
}

/**
 * Several wrong input values at once (docs/connect-api.md §3, code 9999); one error stays itself. Every
 * error listed must be `invalid`: the envelope is a 400.
 */
export function several(errors: readonly SandboxError[]): SandboxError {
  if (errors.length === 1) return errors[0] as SandboxError;
  return new SandboxError('invalid', 'There were issues with your request', undefined, errors);
}

export function notAllowed(message: string, field?: string): SandboxError {
  return new SandboxError('not_allowed', message, field);
}

export function notFound(field: string): SandboxError {
  return new SandboxError('not_found', `No such ${field}`, field);
}

export function unauthenticated(message: string): SandboxError {
  return new SandboxError('unauthenticated', message);
}

export function forbidden(message: string): SandboxError {
  return new SandboxError('forbidden', message);
}
