/**
 * The Connect stand-in for the element tests, in the browser: one ConnectStandIn served by MSW's service
 * worker on `API`, with a token of its user in `TOKEN`. Tests script an order with `newOrder` and change it
 * between polls; replacement answers the page sends land in `puts`.
 */
import { setupWorker } from 'msw/browser';
import { ConnectStandIn, type ScriptedOrder } from './connect-stand-in.js';
import type { RawProduct } from '../../src/sandbox/index.js';

export { DESTINATION, type ScriptedOrder } from './connect-stand-in.js';

export const API = 'https://connect.test';

const standIn = new ConnectStandIn(API);

export const TOKEN = standIn.token;
/** Replacement answers sent, oldest first: `{orderId, itemId, body}`. */
export const puts = standIn.decisions;
/** Statuses to answer the next replacement answers with (shifted one per PUT); 200 when empty. */
export const putFailures = standIn.decisionFailures;

/** A scripted order, `picking` unless the test says otherwise. */
export function newOrder(script: Partial<Omit<ScriptedOrder, 'id'>> = {}): ScriptedOrder {
  return standIn.order({ workflow_state: 'picking', ...script });
}

export function product(name: string, extra: Partial<RawProduct> = {}): RawProduct {
  return { name, quantity: '1.0', cost_unit: 'EACH', ...extra };
}

let started: Promise<unknown> | undefined;

/** Starts the service worker once for the whole test file (later calls wait for the same start). */
export function startConnectStandIn(): Promise<unknown> {
  started ??= setupWorker(...standIn.handlers()).start({ quiet: true, onUnhandledRequest: 'bypass' });
  return started;
}
