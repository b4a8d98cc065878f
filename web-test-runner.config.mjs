// Component tests in real Chromium (Debian's; no tool may download its own browser).
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';
import { endpointsPlugin, faultMiddleware } from './test/support/wtr-endpoints.mjs';
import { mediaFeaturesPlugin } from './test/support/wtr-media.mjs';
import { touchPlugin } from './test/support/wtr-touch.mjs';

/**
 * Serves imported locale JSON as an ES module, as Vite does in the build: the whole object as
 * the default export, and each top-level key as a named export.
 */
const jsonModules = {
  name: 'json-modules',
  resolveMimeType(context) {
    if (context.path.endsWith('.json')) return 'js';
  },
  transform(context) {
    if (!context.path.endsWith('.json')) return;
    const keys = Object.keys(JSON.parse(context.body)).filter((key) => /^[A-Za-z_$][\w$]*$/.test(key));
    const named = keys.map((key) => `export const ${key} = data[${JSON.stringify(key)}];`).join('\n');
    return { body: `const data = ${context.body};\nexport default data;\n${named}` };
  },
};

export default {
  rootDir: '.',
  files: ['packages/elements/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 1,
  // Before the static file server, so fault routes are not answered with 404.
  middleware: [faultMiddleware],
  plugins: [
    endpointsPlugin(),
    mediaFeaturesPlugin(),
    touchPlugin(),
    jsonModules,
    esbuildPlugin({
      ts: true,
      json: false,
      tsconfig: fileURLToPath(new URL('./packages/elements/tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath(), headless: true, args: chromiumArgs },
    }),
  ],
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 10 * 60 * 1000,
};
