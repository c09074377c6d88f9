/**
 * A rollup plugin that lets a second copy of the widget load on a page with Trusted Types. Lit creates its
 * Trusted Types policy, `lit-html`, while it loads; a page whose CSP says `trusted-types lit-html` allows that
 * name once, so a second copy (the script included twice, or both builds) would be refused — a CSP violation
 * and a TypeError while loading — and the README promises that a second load never throws. A second copy
 * defines no element (define.ts keeps the first definitions), so it never renders and needs no policy: the
 * first copy leaves a mark on the global object, and a copy that finds it creates none.
 *
 * Matches Lit's production build exactly, and fails the build if Lit's source changes under it.
 */
const POLICY = 'const t=globalThis,i=t=>t,s=t.trustedTypes,e=s?s.createPolicy("lit-html",{createHTML:t=>t}):void 0';
const MARK = 't[Symbol.for("connect-order-status.lit-html-policy")]';
const ONCE = `const t=globalThis,i=t=>t,s=t.trustedTypes,e=s&&!${MARK}?(${MARK}=1,s.createPolicy("lit-html",{createHTML:t=>t})):void 0`;

/** @returns {import('rollup').Plugin} */
export default function litPolicy() {
  return {
    name: 'lit-policy',
    transform(code, id) {
      if (/lit-html[\\/]development[\\/]lit-html\.js$/.test(id)) this.error("lit-policy: the build resolved Lit's development build; it expects the production one.");
      if (!/lit-html[\\/]lit-html\.js$/.test(id)) return null;
      const found = code.split(POLICY).length - 1;
      if (found !== 1) this.error(`lit-policy: lit-html.js has ${found} copies of its policy creation (expected 1): Lit's source changed.`);
      return { code: code.replace(POLICY, ONCE), map: null };
    },
  };
}
