// Builds @participate/elements twice:
// - `dist/cdn/` (mode "cdn"): what a page includes with one script tag. `participate.js`
//   loads a component only when its tag appears, and each component's file carries lit and
//   i18next, so the browser fetches it in one hop.
// - `dist/` (default): per-component ES modules for bundlers, with lit, i18next and the
//   schema left as imports so an application does not ship a second copy of lit.
import { resolve } from 'node:path';
import { build, defineConfig, type Plugin, type UserConfig } from 'vite';
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

/**
 * The script-tag build: the loader, and each component it loads. Each component is bundled
 * on its own, so that its one file carries everything it needs: built together, Rollup would
 * move what they share into a chunk that the browser fetches only after the component's file.
 */
const cdnComponents: Record<string, string> = {
  'define/feedback-prompt': source('define/feedback-prompt.ts'),
  'define/priority-ranking': source('define/priority-ranking.ts'),
  'define/fruit-tree': source('define/fruit-tree.ts'),
};

const npmEntries: Record<string, string> = {
  participate: source('participate.ts'),
  ...cdnComponents,
  index: source('index.ts'),
  define: source('define.ts'),
  'feedback-prompt': source('feedback-prompt/feedback-prompt.ts'),
  'priority-ranking': source('priority-ranking/priority-ranking.ts'),
  'fruit-tree': source('fruit-tree/fruit-tree.ts'),
};

/** The loader's imports of the components stay imports of their own files, built alone. */
function cdnExternal(id: string, importer: string | undefined): boolean {
  return importer?.endsWith('participate.ts') === true && /\/define\/[\w-]+\.js$/.test(id);
}

function libraryConfig(
  entry: Record<string, string>,
  cdn: boolean,
  emptyOutDir: boolean,
  extra: Plugin[] = [],
): UserConfig {
  return {
    root: elements,
    publicDir: false,
    plugins: [minifyTemplates(), ...extra],
    build: {
      outDir: resolve(elements, cdn ? 'dist/cdn' : 'dist'),
      emptyOutDir,
      target: 'es2022',
      sourcemap: true,
      reportCompressedSize: false,
      // Library mode: no preload helper is injected into dynamic imports.
      lib: {
        formats: ['es'],
        entry,
      },
      rollupOptions: {
        external: cdn ? cdnExternal : [/^lit(\/|$)/, /^@lit\//, /^i18next$/, /^@participate\/schema(\/|$)/],
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
}

/** After the loader's build, builds each component alone into the same folder. */
function eachComponentAlone(): Plugin {
  return {
    name: 'participate:cdn-components',
    apply: 'build',
    async closeBundle() {
      for (const [name, entry] of Object.entries(cdnComponents)) {
        await build({ configFile: false, logLevel: 'warn', ...libraryConfig({ [name]: entry }, true, false) });
      }
    },
  };
}

export default defineConfig(({ mode }) =>
  mode === 'cdn'
    ? libraryConfig({ participate: source('participate.ts') }, true, true, [eachComponentAlone()])
    : libraryConfig(npmEntries, false, true),
);
