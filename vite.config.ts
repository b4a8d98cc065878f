// Builds @participate/elements: the `participate.js` loader a page includes, per-component
// entries for bundler users, and shared chunks (lit, i18next) that each widget imports.
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { minifyHTMLLiterals } from 'minify-literals';

const elements = resolve(import.meta.dirname, 'packages/elements');

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

export default defineConfig({
  root: elements,
  plugins: [minifyTemplates()],
  publicDir: false,
  build: {
    outDir: resolve(elements, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    reportCompressedSize: false,
    // Library mode: no preload helper is injected into dynamic imports.
    lib: {
      formats: ['es'],
      entry: {
        participate: resolve(elements, 'src/participate.ts'),
        index: resolve(elements, 'src/index.ts'),
        define: resolve(elements, 'src/define.ts'),
        'feedback-prompt': resolve(elements, 'src/feedback-prompt/feedback-prompt.ts'),
        'define/feedback-prompt': resolve(elements, 'src/define/feedback-prompt.ts'),
      },
    },
    rollupOptions: {
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        // Library mode keeps whitespace in ES output; every byte counts on a bad connection.
        minify: true,
      },
    },
  },
});
