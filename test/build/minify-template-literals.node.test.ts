// The build strips the indentation out of the Lit templates; what the browser renders must not change.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { minifyTemplateLiterals } from '../../scripts/minify-template-literals.mjs';

describe('minifyTemplateLiterals', () => {
  it('collapses a css template to the rules it holds', () => {
    const source = 'const s = css`\n  /* the card */\n  .card {\n    color: red;\n    margin: 0 auto;\n  }\n  a > b, c { top: 0 }\n`;';
    assert.equal(minifyTemplateLiterals(source), 'const s = css`.card{color:red;margin:0 auto}a>b,c{top:0}`;');
  });

  it('keeps the space before a pseudo-class: `.a :hover` is not `.a:hover`', () => {
    assert.equal(minifyTemplateLiterals('css`.a :hover { color: red; }`'), 'css`.a :hover{color:red}`');
  });

  it('never touches an expression, nor the spaces that join it to the text', () => {
    const source = "html`<p class=\"a ${x ? 'b,  c' : ''}\">\n    ${name} ${count}\n  </p>`";
    assert.equal(minifyTemplateLiterals(source), "html`<p class=\"a ${x ? 'b,  c' : ''}\"> ${name} ${count} </p>`");
  });

  it('turns line breaks in html into single spaces, which HTML renders the same', () => {
    assert.equal(minifyTemplateLiterals('html`\n  <ul>\n    <li>One two</li>\n  </ul>\n`'), 'html`<ul> <li>One two</li> </ul>`');
  });

  it('leaves untagged templates and other tags as written', () => {
    const source = 'const a = `\n  x {  }\n`; const b = svg`\n  <g></g>\n`;';
    assert.equal(minifyTemplateLiterals(source), source);
  });

  it('finds templates the way TypeScript prints them (css `…`, with a space), nested ones too', () => {
    const source = 'html `<div>\n  ${items.map((i) => html`\n    <span>${i}</span>\n  `)}\n</div>`';
    assert.equal(minifyTemplateLiterals(source), 'html `<div> ${items.map((i) => html`<span>${i}</span>`)} </div>`');
  });
});
