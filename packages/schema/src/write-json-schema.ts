// Writes the published JSON Schema next to the compiled module, for sites building their own endpoint.
import { writeFileSync } from 'node:fs';
import { ResponsePayload } from './payload.js';

const document = { $schema: 'http://json-schema.org/draft-07/schema#', ...ResponsePayload };
writeFileSync(new URL('./payload.schema.json', import.meta.url), `${JSON.stringify(document, null, 2)}\n`);
