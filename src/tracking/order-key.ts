/**
 * One order, one identity. The registry that shares a tracker between elements, the controller that notices
 * an element switching orders, and the tab lock that elects one polling tab all use this key, so two elements
 * whose api-base differs only by a trailing slash share one tracker and compete for one tab lock.
 */
import { normaliseApiBase } from '../api/api-base.js';

export function orderKey(apiBase: string, orderId: string): string {
  return `${normaliseApiBase(apiBase)}\n${orderId.trim()}`;
}
