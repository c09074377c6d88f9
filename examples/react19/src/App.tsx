// React 19 sets a custom element's properties (tokenProvider, messages) and attaches `on<event>` listeners
// itself: the tags are used as they are. `connect-order-status/react` registers them and types them in JSX.
import { useState } from 'react';
import 'connect-order-status/react';
import { messages, tokenProvider } from '../../shared/order-settings.js';

export function App({ apiBase, orderIds }: { apiBase: string; orderIds: readonly string[] }) {
  const [orderId, setOrderId] = useState(orderIds[0]);
  const [shown, setShown] = useState(true);
  const [heard, setHeard] = useState<string[]>([]);
  const hear = (event: CustomEvent) => setHeard((list) => [...list, `${event.type} ${JSON.stringify(event.detail)}`]);

  return (
    <main>
      {shown && (
        <order-tracker
          order-id={orderId}
          api-base={apiBase}
          tokenProvider={tokenProvider}
          messages={messages}
          onorder-state-change={(event) => {
            document.title = `Order ${event.detail.state}`;
            hear(event);
          }}
          onorder-error={hear}
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
