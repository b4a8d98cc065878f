// Copies the theme token files into the package's dist, where the exports map points.
import { cpSync } from 'node:fs';

const root = new URL('../packages/elements/', import.meta.url);
cpSync(new URL('src/themes/', root), new URL('dist/themes/', root), { recursive: true });
