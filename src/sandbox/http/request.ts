/**
 * Reading a request off the wire: its JSON body and typed fields out of it, path ids and the bearer token.
 * A field of the wrong JSON type, a missing required one or a word outside its list throws `invalid` with
 * the field's name, which the handlers answer as 400/1001 with `meta.key`. What the values mean (formats,
 * ranges, whether things exist) is the model's to check.
 */
import { invalid } from '../model/errors.js';
import { readBodyText } from './body-limit.js';

export type JsonObject = Record<string, unknown>;

/**
 * The request's JSON object body, read up to the body limit (413 past it). Empty is `{}` unless required;
 * malformed JSON and non-objects are `invalid` `body`. A form-encoded body (OAuth clients send those) is read
 * as an object of strings.
 */
export async function readBody(request: Request, options: { required?: boolean } = {}): Promise<JsonObject> {
  const text = await readBodyText(request);
  if (!text.trim()) {
    if (options.required) throw invalid('body', 'A JSON body is required');
    return {};
  }
  // curl -d sends JSON labelled as a form: only a body that does not look like JSON is read as a form.
  if ((request.headers.get('Content-Type') ?? '').includes('application/x-www-form-urlencoded') && !/^\s*[[{]/.test(text)) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('body', 'Malformed JSON body');
  }
  if (!isJsonObject(value)) throw invalid('body', 'The body must be a JSON object');
  return value;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The field `key` (its wire name) as a string, if present. */
export function optionalString(body: JsonObject, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(key, `${key} must be a string`);
  return value;
}

export function requiredString(body: JsonObject, key: string): string {
  const value = optionalString(body, key);
  if (value === undefined || value.trim() === '') throw invalid(key, `${key} is required`);
  return value;
}

/** A string that must be one of `words`. */
export function oneOf<T extends string>(body: JsonObject, key: string, words: readonly T[], required: true): T;
export function oneOf<T extends string>(body: JsonObject, key: string, words: readonly T[], required?: false): T | undefined;
export function oneOf<T extends string>(body: JsonObject, key: string, words: readonly T[], required = false): T | undefined {
  const value = required ? requiredString(body, key) : optionalString(body, key);
  if (value === undefined) return undefined;
  if (!(words as readonly string[]).includes(value)) throw invalid(key, `${key} must be ${words.join(', ')}`);
  return value as T;
}

export function optionalNumber(body: JsonObject, key: string): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(key, `${key} must be a number`);
  return value;
}

/** An integer id, also accepted as a string of digits (curl users quote numbers). */
export function requiredId(body: JsonObject, key: string): number {
  const value = body[key];
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return Number(value);
  throw invalid(key, `${key} must be an integer id`);
}

export function optionalBoolean(body: JsonObject, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw invalid(key, `${key} must be true or false`);
  return value;
}

export function optionalObject(body: JsonObject, key: string): JsonObject | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (!isJsonObject(value)) throw invalid(key, `${key} must be an object`);
  return value;
}

/** The token of `Authorization: Bearer <token>`, if any. */
export function bearerToken(request: Request): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('Authorization') ?? '');
  return match?.[1];
}

/** An id from the path: digits only, else the resource cannot exist. */
export function pathId(value: string | undefined): number | undefined {
  return value !== undefined && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}
