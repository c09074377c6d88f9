/**
 * `npm run sandbox`: the emulated Instacart development server alone, on http://127.0.0.1:8787 (`PORT` and
 * `HOST` override; `ALLOWED_HOSTS` and `ALLOWED_ORIGINS`, comma-separated, add host names it answers and
 * origins of pages that may use its controls). Creates a delivery order and prints its id, a user token, a
 * client-credentials token and a copy-pasteable curl walk through the tutorial's testing steps. With
 * `CALLBACK_URL` and `CALLBACK_TOKEN`, it also sends Instacart's event callbacks there (e.g. to your server
 * kit's `/instacart/callbacks`).
 */
import { Sandbox, encodeAssertion } from '../src/sandbox/index.js';
import { startSandboxServer } from '../src/sandbox/node.js';

const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';

const callbackUrl = process.env.CALLBACK_URL;
const callbacks = callbackUrl ? { url: callbackUrl, token: process.env.CALLBACK_TOKEN ?? '' } : undefined;
const sandbox = new Sandbox();
const list = (value: string | undefined) => (value ?? '').split(',').filter(Boolean);
const server = await startSandboxServer({
  port,
  host,
  sandbox,
  allowedHosts: list(process.env.ALLOWED_HOSTS),
  allowedOrigins: list(process.env.ALLOWED_ORIGINS),
  ...(callbacks ? { callbacks } : {}),
});
const order = sandbox.createOrder({ fulfillmentType: 'delivery', userId: 'customer-1001' });
const userToken = sandbox.userToken(order.userId).access_token;
const clientToken = sandbox.clientToken().access_token;
const assertion = encodeAssertion(order.userId);
const base = server.url;

const accept = `-H 'Accept: application/json'`;
const json = `${accept} -H 'Content-Type: application/json'`;
const asUser = `${accept} -H "Authorization: Bearer $USER_TOKEN"`;
const sendAsUser = `${json} -H "Authorization: Bearer $USER_TOKEN"`;
const asClient = `${json} -H "Authorization: Bearer $CLIENT_TOKEN"`;
const idOf = `sed -E 's/.*"id":([0-9]+).*/\\1/'`;

console.log(`Instacart Connect sandbox listening on ${base}

  order id       ${order.id}  (delivery, user ${order.userId}, ${order.lineItems.length} items)
  user token     ${userToken}
  client token   ${clientToken}

Event callbacks: ${callbacks ? `sent to ${callbacks.url}` : 'off (set CALLBACK_URL and CALLBACK_TOKEN, or POST /__sandbox/callbacks)'}.
Dev controls: ${base}/__sandbox/orders/${order.id} (full state); POST /__sandbox/orders {"fulfillment_type":"pickup"} for
another order; POST /__sandbox/orders/<id>/autoplay to let it run by itself. Their bodies are JSON only:
  curl -s -X POST "${base}/__sandbox/orders" ${json} -d '{"fulfillment_type":"pickup"}'
They answer curl, Node and pages of ${base} itself, not pages of other sites. See docs/sandbox.md.

# ── The tutorial, step by step (paste into a shell) ───────────────────────────────────────────────
BASE=${base}
ORDER=${order.id}
USER_TOKEN=${userToken}
CLIENT_TOKEN=${clientToken}

# Tokens as a retailer's server gets them (any client_id/client_secret is accepted here):
curl -s -X POST "$BASE/v2/oauth/token" ${json} -d '{"grant_type":"fulfillment_user_assertion","client_id":"dev","client_secret":"dev","scope":"connect:post_checkout","assertion":"${assertion}"}'; echo
curl -s -X POST "$BASE/v2/oauth/token" ${json} -d '{"grant_type":"client_credentials","client_id":"dev","client_secret":"dev"}'; echo

# Get the order, its items and handling (user token):
curl -s "$BASE/v2/post_checkout/orders/$ORDER" ${asUser}; echo
curl -s "$BASE/v2/post_checkout/orders/$ORDER/items" ${asUser}; echo
curl -s "$BASE/v2/post_checkout/orders/$ORDER/handling" ${asUser}; echo

# Create a shopper, generate a batch (client token):
SHOPPER=$(curl -s -X POST "$BASE/v2/fulfillment_sandbox/shoppers" ${asClient} -d '{"email":"shopper@example.com","phone":"5550100100","password":"secret"}' | ${idOf}); echo "shopper $SHOPPER"
BATCH=$(curl -s -X POST "$BASE/v2/fulfillment_sandbox/batches" ${asClient} -d '{"batch_type":"delivery","shopper_id":'$SHOPPER',"orders":[{"id":"'$ORDER'","user_id":"${order.userId}"}]}' | ${idOf}); echo "batch $BATCH"

# Advance the batch (acknowledged → picking) and let the shopper find, replace and refund items:
curl -s -X POST "$BASE/v2/fulfillment_sandbox/batches/$BATCH/advance" ${asClient}; echo
curl -s -X PUT "$BASE/v2/fulfillment_sandbox/shoppers/$SHOPPER/orders/$ORDER/items/1" ${asClient} -d '{"status":"found"}'; echo
curl -s -X PUT "$BASE/v2/fulfillment_sandbox/shoppers/$SHOPPER/orders/$ORDER/items/2" ${asClient} -d '{"status":"replaced"}'; echo
curl -s -X PUT "$BASE/v2/fulfillment_sandbox/shoppers/$SHOPPER/orders/$ORDER/items/3" ${asClient} -d '{"status":"to_refund"}'; echo
curl -s "$BASE/v2/post_checkout/orders/$ORDER/items" ${asUser}; echo

# The customer approves the replacement (item id of line 2):
ITEM=$(curl -s "$BASE/v2/post_checkout/orders/$ORDER/items" ${asUser} | sed -E 's/.*"id":"([^"]+)","line_num":"2".*/\\1/')
curl -s -X PUT "$BASE/v2/post_checkout/orders/$ORDER/items/$ITEM/replacement" ${sendAsUser} -d '{"status":"APPROVED"}'; echo

# Advance to the end: verifying_replacements, checkout, receipt_sanity_check (bags_check), delivering, completed.
# (Or jump, as in the tutorial: -d '{"workflow_state":"staged"}' stops at staged: the picker is not the driver.)
for step in 1 2 3 4; do curl -s -X POST "$BASE/v2/fulfillment_sandbox/batches/$BATCH/advance" ${asClient}; echo; done
curl -s "$BASE/v2/post_checkout/orders/$ORDER" ${asUser}; echo
curl -s "$BASE/v2/post_checkout/orders/$ORDER/location" ${asUser}; echo
curl -s -X POST "$BASE/v2/fulfillment_sandbox/batches/$BATCH/advance" ${asClient}; echo
curl -s "$BASE/v2/post_checkout/orders/$ORDER" ${asUser}; echo
# ──────────────────────────────────────────────────────────────────────────────────────────────────
Ctrl+C stops the server.`);

const stop = () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
