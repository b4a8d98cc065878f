import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { adminOnly } from '../http/admin-auth.js';
import { ApiError } from '../http/errors.js';
import { formatFrom, onlyKnownQuery, slugFrom, topicFrom } from '../http/query.js';
import { batched } from '../export/batch.js';
import { contactCsvLines } from '../export/contacts-csv.js';
import { ndjsonLines } from '../export/ndjson.js';
import { started } from '../export/started.js';
import { cutoffsFor, type RetentionPolicy } from '../retention.js';
import type { ContactFilter, ResponseStore } from '../store/store.js';

export interface AdminRouteOptions {
  store: ResponseStore;
  adminToken: string;
  retention: RetentionPolicy;
}

/** What the payload schema's `uuid` format accepts as an id, and so what can have been stored. */
const UUID = /^(?:urn:uuid:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Deleting one response, purging what has expired, contact details and counts: all need the admin token. */
export function registerAdminRoutes(app: FastifyInstance, { store, adminToken, retention }: AdminRouteOptions) {
  const onRequest = adminOnly(adminToken);

  app.delete<{ Params: { id: string } }>('/v1/responses/:id', { onRequest }, async (request) => {
    const { id } = request.params;
    if (!UUID.test(id)) throw new ApiError(400, 'invalid_query', 'The response id must be a UUID.');
    // Ids are stored as sent: widgets send lowercase, but an API client may not.
    let deleted = await store.deleteResponse(id);
    if (deleted === 0 && id !== id.toLowerCase()) deleted = await store.deleteResponse(id.toLowerCase());
    if (deleted === 0) throw new ApiError(404, 'not_found', `No response has the id ${id}.`);
    return { deleted };
  });

  app.post('/v1/purge', { onRequest }, async () => {
    const cutoffs = cutoffsFor(retention, new Date());
    const deleted = await store.purge(cutoffs);
    return {
      ...deleted,
      responsesBefore: cutoffs.responsesBefore ?? null,
      contactsBefore: cutoffs.contactsBefore ?? null,
    };
  });

  app.get('/v1/contacts', { onRequest }, async (request, reply) => {
    onlyKnownQuery(request.query, ['format', 'topic', 'fruit', 'branch']);
    const format = formatFrom(request.query);
    const filter: ContactFilter = {};
    const topic = topicFrom(request.query);
    if (topic !== undefined) filter.topic = topic;
    // Fruit tree: only the people who chose this fruit, or a fruit on this branch, to follow them up.
    const fruit = slugFrom(request.query, 'fruit', 'a fruit value such as governor');
    if (fruit !== undefined) filter.fruit = fruit;
    const branch = slugFrom(request.query, 'branch', 'a branch value such as lead-and-govern');
    if (branch !== undefined) filter.branch = branch;
    const contacts = await started(store.exportContacts(filter));
    if (format === 'csv') {
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="participate-contacts.csv"')
        .send(Readable.from(batched(contactCsvLines(contacts))));
    }
    return reply.type('application/x-ndjson; charset=utf-8').send(Readable.from(batched(ndjsonLines(contacts))));
  });

  app.get('/v1/stats', { onRequest }, async () => ({
    responses: await store.count(),
    discarded: await store.discardedCounts(),
  }));
}
