// Vite config for Storybook only. Components load from source, so no package needs building
// first. Vite reads packages/elements/tsconfig.json for each component file, which turns on
// the legacy decorators and class-field semantics Lit's `@property` relies on.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  // Warnings only: the list of output files is noise in `npm test`.
  logLevel: 'warn',
  resolve: {
    alias: {
      // The schema package's entry points are its build output; its vocabulary has no
      // dependencies, so the source serves just as well and a fresh clone works.
      '@participate/schema/vocabulary': fileURLToPath(new URL('../packages/schema/src/vocabulary.ts', import.meta.url)),
    },
  },
});
