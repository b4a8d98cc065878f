// Copies the theme token files beside both builds, where the exports map and CDN users look.
import { cpSync } from 'node:fs';

const root = new URL('../packages/elements/', import.meta.url);
for (const target of ['dist/themes/', 'dist/cdn/themes/']) {
  cpSync(new URL('src/themes/', root), new URL(target, root), { recursive: true });
}
