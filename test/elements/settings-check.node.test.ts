// The settings check on its own: which order ids, API bases and token URLs a page may give, decided before
// anything is asked, so a wrong setting never sends the customer's token in cleartext, to another path of
// Connect or to another site.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { refusedSetting, type RequestSettings } from '../../src/elements/shared/settings-check.js';

const SHOP = new URL('https://shop.example/orders/42');
const GOOD: RequestSettings = { orderId: 'a3e30880-10b5-445e-a525-7dae3e2e15b3', apiBase: 'https://connect.instacart.com', tokenUrl: '/instacart/token' };
const check = (changes: Partial<RequestSettings>, page = SHOP) => refusedSetting({ ...GOOD, ...changes }, page);

describe('refusedSetting', () => {
  it('accepts the documented set-ups: Connect, a development server, the retailer’s proxy, the local sandbox', () => {
    assert.equal(check({}), undefined);
    assert.equal(check({ apiBase: 'https://dev-server.example/' }), undefined);
    assert.equal(check({ apiBase: '/connect-proxy', proxy: true, tokenUrl: null }), undefined);
    assert.equal(check({ apiBase: 'https://shop.example/proxy', proxy: true }), undefined);
    assert.equal(check({ orderId: '42' }), undefined);
    assert.equal(check({ tokenUrl: 'https://shop.example/token?for=me' }), undefined);
    for (const apiBase of ['http://localhost:8787', 'http://127.0.0.1:8080', 'http://[::1]:8080', 'http://sandbox.localhost']) {
      assert.equal(check({ apiBase }), undefined, apiBase);
    }
    // An http page is the retailer's own business: its own origin is fine.
    assert.equal(check({ apiBase: '/api' }, new URL('http://shop.example/')), undefined);
  });

  it('refuses an api-base that would carry the token in cleartext, or is not a web URL', () => {
    for (const apiBase of ['http://connect.instacart.com', 'http://dev-server.example', 'http://localhost.evil.example', 'http://127.0.0.2', 'javascript:alert(1)', 'data:text/plain,x', 'ftp://connect.example', 'https://', 'http://[::1']) {
      assert.match(check({ apiBase }) ?? '', /^api-base must be an https: URL/, apiBase);
    }
    // Even from a page on localhost: where the page is says nothing about where the API is.
    assert.match(check({ apiBase: 'http://connect.example' }, new URL('http://localhost:8000/')) ?? '', /^api-base/);
  });

  it('refuses an order-id that is not one path segment', () => {
    for (const orderId of ['..', '.', 'a/b', '../../v2/fulfillment_sandbox', 'a\\b', 'a\nb', 'a\u0000', 'a\u007f', 'x'.repeat(201)]) {
      assert.match(check({ orderId }) ?? '', /^order-id must be one Connect order id/, JSON.stringify(orderId));
    }
    assert.equal(check({ orderId: '...' }), undefined, 'three dots are a name, not a path step');
    assert.equal(check({ orderId: 'x'.repeat(200) }), undefined);
  });

  it('refuses a token-url on another origin, as it would be answered with the customer’s token', () => {
    for (const tokenUrl of ['https://evil.example/token', '//evil.example/token', 'http://shop.example/token', 'https://shop.example:8443/token', 'javascript:alert(1)']) {
      assert.equal(check({ tokenUrl }), "token-url must be on the page's own origin.", tokenUrl);
    }
  });

  it('refuses proxy mode with an api-base on another origin: the session cookie would not go there', () => {
    assert.equal(check({ apiBase: 'https://connect.instacart.com', proxy: true }), "proxy needs an api-base on the page's own origin.");
    // In proxy mode token settings are ignored, so a stray token-url is not an error.
    assert.equal(check({ apiBase: '/proxy', proxy: true, tokenUrl: 'https://evil.example/token' }), undefined);
  });

  it('names the setting and never repeats its value', () => {
    const secretish = 'https://user:p4ss@evil.example/token';
    const message = check({ tokenUrl: secretish }) ?? '';
    assert.ok(!message.includes('p4ss') && message.includes('token-url'));
  });
});
