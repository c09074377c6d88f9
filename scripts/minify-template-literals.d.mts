import type { Plugin } from 'rollup';
/** The source with the static text of its `css` and `html` tagged templates minified. */
export function minifyTemplateLiterals(source: string, fileName?: string): string;
export default function minifyTemplates(): Plugin;
