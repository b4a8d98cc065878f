// Writes the licences of the packages bundled into the CDN build beside it: lit's BSD-3-Clause
// and i18next's MIT ask that their notices travel with every copy.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(new URL('../packages/elements/package.json', import.meta.url));
const BUNDLED = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', 'i18next'];

/** Where a package is installed; its exports map may not expose package.json to resolve. */
function packageDir(name) {
  const dir = (require.resolve.paths(name) ?? [])
    .map((base) => join(base, name))
    .find((candidate) => existsSync(join(candidate, 'package.json')));
  if (!dir) throw new Error(`${name} is not installed.`);
  return dir;
}

const sections = BUNDLED.map((name) => {
  const dir = packageDir(name);
  const { version, license } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = readdirSync(dir).find((entry) => /^licen[cs]e/i.test(entry));
  if (!file) throw new Error(`No licence file in ${name}; add it by hand before publishing.`);
  return `${name}@${version} (${license})\n\n${readFileSync(join(dir, file), 'utf8').trim()}\n`;
});

const target = new URL('../packages/elements/dist/cdn/THIRD-PARTY-LICENSES.txt', import.meta.url);
writeFileSync(
  target,
  `The Participate CDN build bundles these packages.\n\n${sections.join(`\n${'-'.repeat(72)}\n\n`)}`,
);
