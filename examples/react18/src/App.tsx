// React 18 sets every prop of a custom element as an attribute and listens to none of its events: use the
// components of `connect-order-status/react`, which set properties and listen with typed `on…` props.
import { useState } from 'react';
import { OrderTracker } from 'connect-order-status/react';
import { messages, tokenProvider } from '../../shared/order-settings.js';

export function App({ apiBase, orderIds }: { apiBase: string; orderIds: readonly string[] }) {
  const [orderId, setOrderId] = useState(orderIds[0]);
  const [shown, setShown] = useState(true);
  const [heard, setHeard] = useState<string[]>([]);
  const hear = (event: CustomEvent) => setHeard((list) => [...list, `${event.type} ${JSON.stringify(event.detail)}`]);

  return (
    <main>
      {shown && (
        <OrderTracker
          orderId={orderId}
          apiBase={apiBase}
          tokenProvider={tokenProvider}
          messages={messages}
          onOrderStateChange={(event) => {
            document.title = `Order ${event.detail.state}`;
            hear(event);
          }}
          onOrderError={hear}
        />
      )}
      <button onClick={() => setOrderId(orderIds[1])}>Next order</button>
      <button onClick={() => setShown(false)}>Remove tracker</button>
      <ol className="heard">
        {heard.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ol>
    </main>
  );
}
