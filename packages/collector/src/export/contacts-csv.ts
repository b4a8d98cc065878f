import type { StoredContact } from '../store/store.js';
import { csvLine } from './csv.js';

export const CONTACT_CSV_COLUMNS = [
  'response_id',
  'received_at',
  'topic',
  'widget',
  'name',
  'email',
  'phone',
  // Fruit tree: what the person chose, to follow it up (empty for other widgets).
  'fruits',
  'branches',
] as const;

/** The header row, then one line per contact, escaped like the answers export; lists joined with `;`. */
export async function* contactCsvLines(contacts: AsyncIterable<StoredContact>): AsyncGenerator<string> {
  yield csvLine(CONTACT_CSV_COLUMNS);
  for await (const contact of contacts) {
    yield csvLine([
      contact.responseId,
      contact.receivedAt,
      contact.topic,
      contact.widget,
      contact.name,
      contact.email ?? '',
      contact.phone ?? '',
      contact.fruits.join(';'),
      contact.branches.join(';'),
    ]);
  }
}
