// The customer's own order page, as a storefront shows it: no panel, the widget alone, in proxy mode. The
// customer is the one signed in (the session cookie the demo's main page set); the order comes from ?order=.
const orderId = new URLSearchParams(location.search).get('order') ?? '';
const tracker = document.createElement('order-tracker');
tracker.setAttribute('order-id', orderId);
tracker.setAttribute('api-base', '/instacart');
tracker.setAttribute('proxy', '');
tracker.setAttribute('poll-interval', '2');
document.getElementById('widget').append(tracker);
