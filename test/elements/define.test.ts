import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { defineElement } from '../../src/elements/define.js';
import { OrderStatusElement } from '../../src/index.js';

describe('defineElement', () => {
  it('defines a tag once and warns instead of throwing when it is taken', () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      class First extends LitElement {}
      class Second extends LitElement {}
      expect(defineElement('test-define-twice', First)).to.equal(true);
      expect(() => defineElement('test-define-twice', Second)).not.to.throw();
      expect(customElements.get('test-define-twice')).to.equal(First);
      expect(warnings).to.have.length(1);
      expect(String(warnings[0]![0])).to.contain('<test-define-twice> is already defined');
      // The same class again (one script evaluated twice by a bundler) is silently fine.
      expect(defineElement('test-define-twice', First)).to.equal(false);
      expect(warnings).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });

  it('the entry has defined every element', () => {
    expect(customElements.get('order-status')).to.equal(OrderStatusElement);
    for (const tag of ['order-items', 'shopper-map', 'order-tracker']) expect(customElements.get(tag), tag).not.to.equal(null);
  });

  it('loading the entry again does not throw', async () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      // A second copy of the module (as a second <script> would load) registers nothing and throws nothing.
      await import(`../../src/index.ts?again=${Date.now()}`);
    } finally {
      console.warn = warn;
    }
  });
});
