/**
 * A rollup plugin that takes the indentation and line breaks out of the widget's Lit templates before the
 * bundle is minified: terser keeps template literals byte for byte, so without this every `css` and `html`
 * template ships as written in the source. Only the static text of templates tagged `css` or `html` changes,
 * never an expression inside `${…}`; the TypeScript parser finds them, so strings that look like templates
 * are left alone. It runs on the compiled JavaScript, after @rollup/plugin-typescript (which reads its
 * sources from disk and would ignore an earlier transform).
 *
 * - `css`: comments go, whitespace collapses, and none is kept next to `{ } ; , >` or after `:` (never
 *   before `:`: `a :hover` and `a:hover` differ).
 * - `html`: a run of whitespace that contains a line break becomes one space. HTML treats both alike outside
 *   `<pre>` (which the widget does not use), so what the browser renders is the same.
 */
import ts from 'typescript';

const minifiers = {
  css: (text) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}'),
  html: (text) => text.replace(/\s*\n\s*/g, ' '),
};

/** The static parts of a template as [start, end) offsets in the source, between its backticks and `${ }`. */
function staticParts(template) {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return [[template.getStart() + 1, template.end - 1]];
  const parts = [[template.head.getStart() + 1, template.head.end - 2]];
  for (const span of template.templateSpans) {
    const literal = span.literal;
    const closing = ts.isTemplateTail(literal) ? 1 : 2;
    parts.push([literal.getStart() + 1, literal.end - closing]);
  }
  return parts;
}

/** @param {string} source @param {string} fileName */
export function minifyTemplateLiterals(source, fileName = 'module.ts') {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && Object.hasOwn(minifiers, node.tag.text)) {
      const minify = minifiers[node.tag.text];
      const parts = staticParts(node.template);
      parts.forEach(([start, end], index) => {
        const text = source.slice(start, end);
        let minified = minify(text);
        // Only the template's own ends may lose their space; a space next to a `${…}` separates words.
        if (index === 0) minified = minified.trimStart();
        if (index === parts.length - 1) minified = minified.trimEnd();
        if (minified !== text) edits.push({ start, end, text: minified });
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** @returns {import('rollup').Plugin} */
export default function minifyTemplates() {
  return {
    name: 'minify-template-literals',
    transform(code, id) {
      // TypeScript prints a tagged template as css `…`, with a space.
      if (!id.endsWith('.ts') || !/\b(css|html)\s*`/.test(code)) return null;
      return { code: minifyTemplateLiterals(code, id), map: null };
    },
  };
}
