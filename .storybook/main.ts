import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: {
    name: '@storybook/web-components-vite',
    options: {
      builder: {
        // The root vite.config.ts builds the library; stories need their own, smaller config.
        viteConfigPath: fileURLToPath(new URL('./vite.config.ts', import.meta.url)),
      },
    },
  },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  core: { disableTelemetry: true },
  // Storybook takes only `build.target` from a Vite config file, so build options go here.
  viteFinal: (config) => ({
    ...config,
    build: {
      ...config.build,
      // Storybook's own preview and docs chunks are large; the library build budgets ours.
      chunkSizeWarningLimit: 1024,
      // Rolldown's "slow plugin" notice points at Storybook's CSF transform, not at us.
      rolldownOptions: { ...config.build?.rolldownOptions, checks: { bundlerTimings: false } },
    },
  }),
};

export default config;
