// No framework: the elements are plain DOM. `document.createElement('order-tracker')` is typed as the
// element class, and its events as CustomEvents with their detail (HTMLElementEventMap).
import 'connect-order-status';
import { messages, tokenProvider } from '../../shared/order-settings.js';

const params = new URLSearchParams(location.search);
const [firstOrder, nextOrder] = params.getAll('order');
const heard = document.createElement('ol');
heard.className = 'heard';

function hear(event: CustomEvent): void {
  const line = document.createElement('li');
  line.textContent = `${event.type} ${JSON.stringify(event.detail)}`;
  heard.append(line);
}

const tracker = document.createElement('order-tracker');
tracker.orderId = firstOrder;
tracker.apiBase = params.get('api') ?? 'https://connect.instacart.com';
tracker.tokenProvider = tokenProvider;
tracker.messages = messages;
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
