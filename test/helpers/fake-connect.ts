/**
 * A tiny stand-in for Connect's post-checkout endpoints, for tracker tests that need precise control over
 * each answer (faults queued per endpoint) rather than the full emulator.
 */
import { http, HttpResponse } from 'msw';

export const FAKE_BASE = 'https://connect.fake';

export interface FakeOrderState {
  workflow_state: string;
  fulfillment_type: string;
  items: { id: string; status: string; replacement_status?: string; name?: string }[];
  location: { latitude: number; longitude: number } | null;
}

type Fault = () => Response | Promise<Response>;

export class FakeConnect {
  state: FakeOrderState = { workflow_state: 'brand_new', fulfillment_type: 'delivery', items: [{ id: 'i1', status: 'not_picked' }], location: null };
  readonly faults: Record<string, Fault[]> = {};
  acceptedTokens = new Set(['good']);

  constructor(readonly orderId = 'order-1') {}

  /** Answers the next `count` requests to an endpoint ('order', 'items', 'handling', 'location') with `fault`. */
  fail(resource: string, fault: Fault, count = 1): void {
    const queue = (this.faults[resource] ??= []);
    for (let i = 0; i < count; i += 1) queue.push(fault);
  }

  handlers() {
    const base = `${FAKE_BASE}/v2/post_checkout/orders/${this.orderId}`;
    const guard = (resource: string, request: Request, answer: () => Response) => {
      const fault = this.faults[resource]?.shift();
      if (fault) return fault();
      const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
      if (!token || !this.acceptedTokens.has(token)) return HttpResponse.json({ error: { message: 'Unauthorized', code: null } }, { status: 401 });
      return answer();
    };
    return [
      http.get(base, ({ request }) =>
        guard('order', request, () =>
          HttpResponse.json({
            id: this.orderId,
            creation_date: '2026-11-26T15:00:00Z',
            workflow_state: this.state.workflow_state,
            fulfillment_type: this.state.fulfillment_type,
            fulfillment_details: { window_starts_at: '2026-11-26T16:00:00Z', window_ends_at: '2026-11-26T18:00:00Z' },
          }),
        ),
      ),
      http.get(`${base}/items`, ({ request }) =>
        guard('items', request, () =>
          HttpResponse.json({
            line_items: this.state.items.map((i) => ({
              id: i.id,
              status: i.status,
              replacement_status: i.replacement_status ?? 'SUBSTITUTION_STATUS_UNSPECIFIED',
              item: { name: i.name ?? `Item ${i.id}`, quantity: '1.0', cost_unit: 'EACH' },
            })),
          }),
        ),
      ),
      http.get(`${base}/handling`, ({ request }) =>
        guard('handling', request, () =>
          HttpResponse.json({
            address: { address_line_1: '501 Belt Line Rd', locality: 'Collinsville', administrative_area: 'IL', postal_code: '62234', country_code: 'US' },
            coordinates: { latitude: 38.6924568, longitude: -89.9785745 },
            instructions: '',
          }),
        ),
      ),
      http.get(`${base}/location`, ({ request }) =>
        guard('location', request, () => HttpResponse.json(this.state.location ? { coordinates: this.state.location } : {})),
      ),
    ];
  }
}
