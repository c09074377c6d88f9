// What every example gives the tracker besides the order: the retailer's own wording, and the customer's user
// token from the retailer's server (never the client secret, which stays on that server).

/** Any subset of the English catalogue's keys; the element's `messages` property. */
export const messages = { 'state.brand_new': 'Your order is in: we are finding a shopper.' };

/** Your server's token route answers the signed-in customer's user token; the element's `tokenProvider`. */
export async function tokenProvider(): Promise<string> {
  const response = await fetch('/instacart/token');
  return ((await response.json()) as { access_token: string }).access_token;
}
