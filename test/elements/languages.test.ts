// The customer's language: Spanish and Canadian French catalogues, picked by `locale`, then the nearest
// `lang`, switched at run time, fetched only when needed, and overridable string by string.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { OrderStatusElement } from '../../src/index.js';
import { messagesEn } from '../../src/i18n/messages-en.js';
import { messagesEs } from '../../src/i18n/messages-es.js';
import { messagesFrCa } from '../../src/i18n/messages-fr-CA.js';
import { API, newOrder, startConnectStandIn, TOKEN } from '../helpers/browser-stand-in.js';
import { shadow, text, until } from '../helpers/dom.js';

const sentence = (catalogue: Record<string, unknown>) => catalogue['state.picking'] as string;

describe('languages', () => {
  before(() => startConnectStandIn());

  it('the three catalogues have the same keys', () => {
    const keys = Object.keys(messagesEn).sort();
    expect(Object.keys(messagesEs).sort()).to.deep.equal(keys);
    expect(Object.keys(messagesFrCa).sort()).to.deep.equal(keys);
  });

  it('locale="es" speaks Spanish, with the window in Spanish too', async () => {
    const order = newOrder({ workflow_state: 'picking' });
    const el = await fixture(html`<order-status order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600" locale="es"></order-status>`);
    await until(() => text(shadow(el)).includes(sentence(messagesEs)), 'the Spanish sentence');
    expect(text(shadow(el))).not.to.contain(sentence(messagesEn));
  });

  it('the nearest lang of the page picks Canadian French', async () => {
    const order = newOrder({ workflow_state: 'picking' });
    const host = await fixture(html`<section lang="fr-CA"><order-status order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600"></order-status></section>`);
    const el = host.querySelector('order-status')!;
    await until(() => text(shadow(el)).includes(sentence(messagesFrCa)), 'the French sentence');
  });

  it('switches language at run time, and an unknown language falls back to English', async () => {
    const order = newOrder({ workflow_state: 'picking' });
    const el = (await fixture(html`<order-status order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600" locale="en-US"></order-status>`)) as OrderStatusElement;
    await until(() => text(shadow(el)).includes(sentence(messagesEn)), 'the English sentence');
    el.locale = 'fr-CA';
    await until(() => text(shadow(el)).includes(sentence(messagesFrCa)), 'the French sentence');
    el.locale = 'es-MX';
    await until(() => text(shadow(el)).includes(sentence(messagesEs)), 'Spanish for es-MX');
    el.locale = 'de-DE';
    await until(() => text(shadow(el)).includes(sentence(messagesEn)), 'English for German');
  });

  it('a retailer override wins over every catalogue', async () => {
    const order = newOrder({ workflow_state: 'picking' });
    const el = (await fixture(html`<order-status order-id=${order.id} api-base=${API} token=${TOKEN} poll-interval="3600" locale="es"
      .messages=${{ 'state.picking': 'Tu pedido está en buenas manos.' }}></order-status>`)) as OrderStatusElement;
    await until(() => text(shadow(el)).includes('Tu pedido está en buenas manos.'), 'the override');
  });
});
