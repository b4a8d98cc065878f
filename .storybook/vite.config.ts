// Vite config for Storybook only. Components load from source, so no package needs building
// first. Vite reads packages/elements/tsconfig.json for each component file, which turns on
// the legacy decorators and class-field semantics Lit's `@property` relies on.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/** The modules that register elements; importing one is all a page does. */
const REGISTERING_MODULE = /\/packages\/elements\/src\/(define|participate)(\/[^/]+)?\.ts$/;

/**
 * The elements package's `sideEffects` names its build output only, so a production build
 * from source would drop the `customElements.define` calls. Marks the source files as well.
 */
function keepRegistrations(): Plugin {
  return {
    name: 'participate:keep-registrations',
    transform(code, id) {
      return REGISTERING_MODULE.test(id) ? { code, map: null, moduleSideEffects: true } : null;
    },
  };
}

export default defineConfig({
  plugins: [keepRegistrations()],
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
