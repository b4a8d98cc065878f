// Builds @participate/elements twice:
// - `dist/cdn/` (mode "cdn"): what a page includes with one script tag. `participate.js`
//   loads a component only when its tag appears, and each component's file carries lit and
//   i18next, so the browser fetches it in one hop.
// - `dist/` (default): per-component ES modules for bundlers, with lit, i18next and the
//   schema left as imports so an application does not ship a second copy of lit.
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { minifyHTMLLiterals } from 'minify-literals';

const elements = resolve(import.meta.dirname, 'packages/elements');
const source = (path: string) => resolve(elements, 'src', path);

/** Minifies the HTML and CSS inside Lit's `html` and `css` tagged templates. */
function minifyTemplates(): Plugin {
  return {
    name: 'participate:minify-templates',
    apply: 'build',
    async transform(code, id) {
      if (!id.endsWith('.ts') || !id.includes('/packages/elements/src/')) return null;
      const result = await minifyHTMLLiterals(code, { fileName: id });
      return result ? { code: result.code, map: result.map } : null;
    },
  };
}

/** The script-tag build needs only the loader and what it loads. */
const cdnEntries: Record<string, string> = {
  participate: source('participate.ts'),
  'define/feedback-prompt': source('define/feedback-prompt.ts'),
  'define/priority-ranking': source('define/priority-ranking.ts'),
};

const npmEntries: Record<string, string> = {
  ...cdnEntries,
  index: source('index.ts'),
  define: source('define.ts'),
  'feedback-prompt': source('feedback-prompt/feedback-prompt.ts'),
  'priority-ranking': source('priority-ranking/priority-ranking.ts'),
};

export default defineConfig(({ mode }) => {
  const cdn = mode === 'cdn';
  return {
    root: elements,
    publicDir: false,
    plugins: [minifyTemplates()],
    build: {
      outDir: resolve(elements, cdn ? 'dist/cdn' : 'dist'),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      reportCompressedSize: false,
      // Library mode: no preload helper is injected into dynamic imports.
      lib: {
        formats: ['es'],
        entry: cdn ? cdnEntries : npmEntries,
      },
      rollupOptions: {
        external: cdn ? [] : [/^lit(\/|$)/, /^@lit\//, /^i18next$/, /^@participate\/schema(\/|$)/],
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          // Library mode keeps whitespace in ES output; every byte counts on a bad connection.
          minify: true,
          // Pure annotations help a bundler tree-shake; nothing bundles the CDN files again.
          // Licences travel in dist/cdn/THIRD-PARTY-LICENSES.txt instead.
          ...(cdn ? { comments: false } : {}),
        },
      },
    },
  };
});
