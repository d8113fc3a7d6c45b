// outline.mjs lists what a Markdown renderer makes of Markdown files: the
// blocks, the headings (level and text), the links, the images and the raw
// HTML. TestMarkdownIsInert (inert_test.go) runs it with markdown-it, the
// renderer of many previews, set up to link bare addresses like GitHub
// (linkify, and fuzzy links, which also links « exemple.fr ») and to let HTML
// through (so that an HTML block would show).
//
//	node outline.mjs DOSSIER_WASM FICHIER.md...
//
// DOSSIER_WASM is the folder whose node_modules holds markdown-it (npm ci in
// wasm). It writes one JSON array, an outline per file, in order.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [wasm, ...files] = process.argv.slice(2);
const MarkdownIt = createRequire(join(resolve(wasm), 'package.json'))('markdown-it');
const md = new MarkdownIt({ html: true, linkify: true });
md.linkify.set({ fuzzyLink: true, fuzzyEmail: true });

const text = (tokens) => (tokens || []).map((t) => {
  switch (t.type) {
    case 'text': case 'code_inline': return t.content;
    case 'softbreak': case 'hardbreak': return '\n';
    case 'image': return text(t.children);
    default: return '';
  }
}).join('');

const outlines = files.map((file) => {
  const tokens = md.parse(readFileSync(file, 'utf8'), {});
  const o = { blocks: [], headings: [], links: [], images: [], html: [] };
  tokens.forEach((t, i) => {
    if (t.level === 0 && (t.nesting === 1 || t.nesting === 0) && t.type !== 'inline') {
      o.blocks.push(t.type.replace(/_open$/, ''));
    }
    if (t.type === 'heading_open') {
      o.headings.push({ level: Number(t.tag.slice(1)), text: text(tokens[i + 1].children) });
    }
    if (t.type === 'html_block') o.html.push(t.content);
    for (const c of t.children || []) {
      if (c.type === 'link_open') o.links.push(c.attrGet('href'));
      if (c.type === 'image') o.images.push(c.attrGet('src'));
      if (c.type === 'html_inline') o.html.push(c.content);
    }
  });
  return o;
});
process.stdout.write(JSON.stringify(outlines));
