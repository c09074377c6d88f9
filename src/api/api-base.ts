/**
 * The API base as every part of the widget compares and joins it: trimmed and without trailing slashes, so
 * `https://connect.example/` and `https://connect.example` are one API and paths join with a single `/`.
 */
export function normaliseApiBase(apiBase: string): string {
  return apiBase.trim().replace(/\/+$/, '');
}
