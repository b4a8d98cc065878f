// Custom Elements Manifest from the components' JSDoc; feeds Storybook autodocs and editors.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/test-support/**', 'src/**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  packagejson: true,
};
