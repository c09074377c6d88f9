// No framework: the elements are plain DOM. `document.createElement('order-tracker')` is typed as the
// element class, and its events as CustomEvents with their detail (HTMLElementEventMap).
import 'connect-order-status';

const params = new URLSearchParams(location.search);
const [firstOrder, nextOrder] = params.getAll('order');
const heard = document.createElement('ol');
heard.className = 'heard';

/** Your server's token route answers the signed-in customer's user token. */
async function tokenProvider(): Promise<string> {
  const response = await fetch('/instacart/token');
  return ((await response.json()) as { access_token: string }).access_token;
}

function hear(event: CustomEvent): void {
  const line = document.createElement('li');
  line.textContent = `${event.type} ${JSON.stringify(event.detail)}`;
  heard.append(line);
}

const tracker = document.createElement('order-tracker');
tracker.orderId = firstOrder;
tracker.apiBase = params.get('api') ?? 'https://connect.instacart.com';
tracker.tokenProvider = tokenProvider;
tracker.messages = { 'state.brand_new': 'Your order is in: we are finding a shopper.' };
tracker.addEventListener('order-state-change', (event) => {
  document.title = `Order ${event.detail.state}`;
  hear(event);
});
tracker.addEventListener('order-error', hear);

const next = document.createElement('button');
next.textContent = 'Next order';
next.addEventListener('click', () => tracker.setAttribute('order-id', nextOrder));
const remove = document.createElement('button');
remove.textContent = 'Remove tracker';
remove.addEventListener('click', () => tracker.remove());

const main = document.createElement('main');
main.append(tracker, next, remove, heard);
document.getElementById('app')!.append(main);
