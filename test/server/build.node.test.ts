// The published entries as a retailer imports them: `connect-order-status/server` and `/server/node` resolve
// to the built files with their types, carry no widget (Lit, browser) code, and the built kit works.
// Needs `npm run build` first; `npm test` builds before it runs these.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import pkg from '../../package.json' with { type: 'json' };
import { startSandboxServer } from '../../src/sandbox/node.js';
import { listen } from './harness.js';

const exported: Record<string, unknown> = pkg.exports;
const entryOf = (name: string) => (exported[name] ?? { types: '', import: '' }) as { types: string; import: string };

describe('server kit: the build', () => {
  it('declares the entries with types, and the build produced them', () => {
    for (const entry of ['./server', './server/node', './server/redis']) {
      const { types, import: file } = entryOf(entry);
      assert.ok(existsSync(file), `${file} is missing: run npm run build`);
      assert.ok(existsSync(types), `${types} is missing: run npm run build`);
    }
    assert.match(readFileSync(entryOf('./server').types, 'utf8'), /createConnectProxy/);
    assert.match(readFileSync(entryOf('./server/redis').types, 'utf8'), /RedisChangeBus/);
  });

  // The redis entry is core too: it takes the retailer's ioredis client and never imports one.
  it('the built core (and the redis entry) imports nothing; the node entry only node: modules and the core', () => {
    for (const file of readdirSync('dist/server').filter((name) => name.endsWith('.js'))) {
      const source = readFileSync(`dist/server/${file}`, 'utf8');
      const imports = [...source.matchAll(/\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2]);
      for (const specifier of imports) {
        assert.match(specifier ?? '', file === 'node.js' ? /^(node:\w+|\.\/[\w-]+\.js)$/ : /^\.\/[\w-]+\.js$/, `${file} imports ${specifier}`);
      }
      assert.ok(!/customElements|LitElement|leaflet/i.test(source), `${file} carries widget code`);
    }
  });

  it('the built kit answers a customer their token from the emulator', async () => {
    // A specifier in a variable: resolved at run time through package.json, never by the type checker
    // (which runs before the build).
    const published = 'connect-order-status/server/node';
    const { createConnectProxy, toNodeListener } = (await import(published)) as typeof import('../../src/server/node.js');
    const connect = await startSandboxServer({ port: 0 });
    const kit = await listen(
      toNodeListener(createConnectProxy({ connectBase: connect.url, clientId: 'id', clientSecret: 'secret', userIdFor: () => 'customer-built' })),
    );
    try {
      const answer = await fetch(`${kit.url}/instacart/token`);
      assert.equal(answer.status, 200);
      const body = (await answer.json()) as { access_token: string; expires_in: number };
      assert.ok(body.expires_in >= 86399 && body.expires_in <= 86400, `expires_in ${body.expires_in}: the remaining lifetime, rounded down`);
      const order = connect.sandbox.createOrder({ userId: 'customer-built' });
      assert.equal((await fetch(`${kit.url}/instacart/v2/post_checkout/orders/${order.id}`)).status, 200);
    } finally {
      await kit.close();
      await connect.close();
    }
  });
});
