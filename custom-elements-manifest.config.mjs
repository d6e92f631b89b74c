export default {
  globs: ['packages/elements/src/**/*.ts'],
  exclude: ['packages/elements/src/i18n/generated/**', 'packages/elements/src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
