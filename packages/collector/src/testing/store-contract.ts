/**
 * The behaviour every ResponseStore promises, as one suite that runs against SQLite and
 * against PostgreSQL: the two must be interchangeable.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { feedbackTally, fruitTreeAnswers, rankingAnswers } from '../results/answers.js';
import { canonicalJson } from '../store/canonical.js';
import { collect } from '../store/collect.js';
import { StoreUnavailableError, type AcceptedResponse, type ResponseStore } from '../store/store.js';
import { fruitTreePayload, rankingPayload, validPayload } from './harness.js';

/** A fresh, empty database; `open` may be called again to reach the same data. */
export interface Database {
  open(): Promise<ResponseStore>;
}

export { collect };

/** What results count from a store: the latest answer of each chain, tallied or parsed. */
const tallyOf = async (store: ResponseStore, topic?: string) =>
  feedbackTally(await collect(store.latestAnswers({ topic, widget: 'feedback-prompt' })));
const rankingOf = async (store: ResponseStore, topic: string) =>
  rankingAnswers(await collect(store.latestAnswers({ topic })));
const fruitTreeOf = async (store: ResponseStore, topic: string) =>
  fruitTreeAnswers(await collect(store.latestAnswers({ topic })));

const contact = { name: 'Ada Lovelace', email: 'ada@example.org', consent: true as const };

export function storeContract(name: string, freshDatabase: () => Promise<Database>) {
  async function freshStore(): Promise<ResponseStore> {
    return (await freshDatabase()).open();
  }

  describe(`${name}: the store contract`, () => {
    test('insert: created, then duplicate with the first receivedAt, then conflict keeping the first', async () => {
      const store = await freshStore();
      const payload = validPayload();
      const first = await store.insert(payload, '2026-11-22T06:00:00.000Z');
      assert.deepEqual(first, { outcome: 'created', id: payload.id, receivedAt: '2026-11-22T06:00:00.000Z' });

      const again = await store.insert(structuredClone(payload), '2026-11-22T06:05:00.000Z');
      assert.deepEqual(again, { outcome: 'duplicate', id: payload.id, receivedAt: '2026-11-22T06:00:00.000Z' });

      const different = validPayload({ id: payload.id, topic: 'something-else' });
      const conflict = await store.insert(different, '2026-11-22T06:10:00.000Z');
      assert.deepEqual(conflict, { outcome: 'conflict', id: payload.id, receivedAt: '2026-11-22T06:00:00.000Z' });

      assert.equal(await store.count(), 1);
      const [kept] = await collect(store.export());
      assert.equal(kept?.topic, 'gp-appointments');
      await store.close();
    });

    test('a retry is recognised whatever its key order, submittedAt or bot check', async () => {
      const store = await freshStore();
      const payload = validPayload();
      await store.insert(payload, '2026-11-22T06:00:00.000Z');
      const reordered = JSON.parse(
        canonicalJson({ ...payload, submittedAt: '2026-11-22T07:00:00.000Z' }),
      ) as AcceptedResponse;
      assert.notEqual(Object.keys(reordered)[0], Object.keys(payload)[0]);
      assert.equal((await store.insert(reordered, '2026-11-22T07:00:01.000Z')).outcome, 'duplicate');
      const withCheck = { ...payload, botCheck: { honeypot: '', elapsedMs: 1234 } };
      assert.equal((await store.insert(withCheck, '2026-11-22T07:00:02.000Z')).outcome, 'duplicate');
      await store.close();
    });

    test('twenty concurrent inserts of one id make one row: one created, the rest duplicates', async () => {
      const store = await freshStore();
      const payload = validPayload();
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, () => store.insert(structuredClone(payload), new Date().toISOString())),
      );
      assert.equal(outcomes.filter((result) => result.outcome === 'created').length, 1);
      assert.equal(outcomes.filter((result) => result.outcome === 'duplicate').length, 19);
      assert.equal(
        new Set(outcomes.map((result) => result.receivedAt)).size,
        1,
        'every caller sees the first receivedAt',
      );
      assert.equal(await store.count(), 1);
      await store.close();
    });

    test('export streams oldest first, every field round-trips, and filters by topic, widget, stage and dates', async () => {
      const store = await freshStore();
      const early = validPayload({
        topic: 'a-topic',
        answer: { variant: 'fft', rating: 'good', standardWording: true },
      });
      delete early.stage;
      const late = validPayload({ topic: 'b-topic', amends: early.id });
      await store.insert(late, '2026-11-22T08:00:00.000Z');
      await store.insert(early, '2026-11-22T07:00:00.000Z');

      const rows = await collect(store.export());
      assert.deepEqual(
        rows.map((row) => row.id),
        [early.id, late.id],
      );
      assert.deepEqual(rows[0], {
        id: early.id,
        schemaVersion: 1,
        widget: 'feedback-prompt',
        variant: 'fft',
        topic: 'a-topic',
        stage: null,
        locale: 'en',
        page: early.page,
        submittedAt: early.submittedAt,
        receivedAt: '2026-11-22T07:00:00.000Z',
        amends: null,
        answer: { variant: 'fft', rating: 'good', standardWording: true },
      });
      assert.equal(rows[1]?.stage, 'improve-services');
      assert.equal(rows[1].amends, early.id);
      assert.deepEqual(rows[1].answer, late.answer);

      const ids = async (filter: Parameters<ResponseStore['export']>[0]) =>
        (await collect(store.export(filter))).map((row) => row.id);
      assert.deepEqual(await ids({ topic: 'b-topic' }), [late.id]);
      assert.deepEqual(await ids({ topic: 'no-such-topic' }), []);
      assert.deepEqual(await ids({ widget: 'feedback-prompt' }), [early.id, late.id]);
      assert.deepEqual(await ids({ stage: 'improve-services' }), [late.id]);
      assert.deepEqual(await ids({ receivedFrom: '2026-11-22T07:30:00.000Z' }), [late.id]);
      assert.deepEqual(await ids({ receivedBefore: '2026-11-22T08:00:00.000Z' }), [early.id]);
      assert.deepEqual(
        await ids({ receivedFrom: '2026-11-22T07:00:00.000Z', receivedBefore: '2026-11-22T07:00:00.001Z' }),
        [early.id],
      );
      await store.close();
    });

    test('answers can be stored while an export is part-way through, and the export reads one snapshot', async () => {
      const store = await freshStore();
      for (let i = 0; i < 5; i++) await store.insert(validPayload(), `2026-11-22T08:00:0${i}.000Z`);
      const seen: string[] = [];
      for await (const row of store.export()) {
        seen.push(row.id);
        await store.insert(validPayload(), '2026-11-22T09:00:00.000Z');
      }
      assert.equal(seen.length, 5);
      assert.equal(await store.count(), 10);
      await store.close();
    });

    test('an export stopped part-way releases what it held', async () => {
      const store = await freshStore();
      for (let i = 0; i < 1200; i++)
        await store.insert(validPayload(), new Date(Date.UTC(2026, 10, 1, 0, 0, i)).toISOString());
      let read = 0;
      for await (const row of store.export()) {
        assert.ok(row.id);
        if (++read === 3) break;
      }
      assert.equal(read, 3);
      assert.equal((await collect(store.export())).length, 1200);
      await store.close();
    });

    test('data survives closing and reopening', async () => {
      const database = await freshDatabase();
      const payload = validPayload();
      const first = await database.open();
      await first.insert(payload, '2026-11-22T06:00:00.000Z');
      await first.close();
      const reopened = await database.open();
      assert.equal(await reopened.count(), 1);
      assert.equal((await reopened.insert(payload, '2026-11-22T07:00:00.000Z')).receivedAt, '2026-11-22T06:00:00.000Z');
      await reopened.close();
    });

    test('contact details are kept apart: never in the answers export, once per response', async () => {
      const store = await freshStore();
      const withContact = validPayload({ topic: 'get-involved', contact });
      await store.insert(withContact, '2026-11-22T06:00:00.000Z');
      await store.insert(structuredClone(withContact), '2026-11-22T06:01:00.000Z');
      // A conflicting body under the same id stores nothing new, contact included.
      await store.insert({ ...withContact, contact: { ...contact, name: 'Someone Else' } }, '2026-11-22T06:02:00.000Z');
      await store.insert(
        validPayload({ topic: 'other', contact: { name: 'Bo', phone: '01632 960000', consent: true } }),
        '2026-11-22T06:03:00.000Z',
      );
      await store.insert(validPayload({ topic: 'get-involved' }), '2026-11-22T06:04:00.000Z');

      const exported = await collect(store.export());
      assert.equal(exported.length, 3);
      assert.doesNotMatch(JSON.stringify(exported), /Ada|example\.org|01632/);

      assert.deepEqual(await collect(store.exportContacts({ topic: 'get-involved' })), [
        {
          responseId: withContact.id,
          topic: 'get-involved',
          widget: 'feedback-prompt',
          receivedAt: '2026-11-22T06:00:00.000Z',
          name: 'Ada Lovelace',
          email: 'ada@example.org',
          phone: null,
          fruits: [],
          branches: [],
        },
      ]);
      const everyone = await collect(store.exportContacts());
      assert.deepEqual(
        everyone.map((row) => [row.name, row.phone]),
        [
          ['Ada Lovelace', null],
          ['Bo', '01632 960000'],
        ],
      );
      await store.close();
    });

    test('deleting a response takes its amendments and contact details with it', async () => {
      const store = await freshStore();
      const first = validPayload({ contact });
      const followUp = validPayload({ amends: first.id });
      const unrelated = validPayload();
      await store.insert(first, '2026-11-22T06:00:00.000Z');
      await store.insert(followUp, '2026-11-22T06:01:00.000Z');
      await store.insert(unrelated, '2026-11-22T06:02:00.000Z');

      assert.equal(await store.deleteResponse(first.id), 2);
      assert.deepEqual(
        (await collect(store.export())).map((row) => row.id),
        [unrelated.id],
      );
      assert.deepEqual(await collect(store.exportContacts()), []);
      assert.equal(await store.deleteResponse(first.id), 0, 'deleting again finds nothing');
      await store.close();
    });

    test('purge deletes answers and contact details older than their own cut-offs', async () => {
      const store = await freshStore();
      const old = validPayload({ contact });
      const middle = validPayload({ contact: { ...contact, name: 'Middle' } });
      const recent = validPayload({ contact: { ...contact, name: 'Recent' } });
      await store.insert(old, '2026-01-01T00:00:00.000Z');
      await store.insert(middle, '2026-06-01T00:00:00.000Z');
      await store.insert(recent, '2026-11-01T00:00:00.000Z');

      assert.deepEqual(await store.purge({ contactsBefore: '2026-07-01T00:00:00.000Z' }), {
        responses: 0,
        contacts: 2,
      });
      assert.equal(await store.count(), 3, 'answers stay when only contact details expire');
      assert.deepEqual(
        (await collect(store.exportContacts())).map((row) => row.name),
        ['Recent'],
      );
      assert.deepEqual(await store.purge({ responsesBefore: '2026-12-01T00:00:00.000Z' }), {
        responses: 3,
        contacts: 1,
      });
      assert.equal(await store.count(), 0);
      assert.deepEqual(await store.purge({}), { responses: 0, contacts: 0 });
      await store.close();
    });

    test("a topic's revision changes when its responses do, and only then", async () => {
      const store = await freshStore();
      const revisions = [await store.topicRevision('gp-appointments')];
      const changed = async () => {
        const revision = await store.topicRevision('gp-appointments');
        const different = revision !== revisions.at(-1);
        revisions.push(revision);
        return different;
      };
      const first = validPayload();
      await store.insert(first, '2026-11-22T06:00:00.000Z');
      assert.equal(await changed(), true, 'a response arrived');
      await store.insert(structuredClone(first), '2026-11-22T06:05:00.000Z');
      assert.equal(await changed(), false, 'a retry of it changes nothing');
      await store.insert(validPayload({ topic: 'parking' }), '2026-11-22T06:10:00.000Z');
      assert.equal(await changed(), false, 'another topic has its own revision');
      const second = validPayload();
      await store.insert(second, '2026-11-22T05:00:00.000Z');
      assert.equal(await changed(), true, 'an answer received earlier than the latest');
      await store.deleteResponse(first.id);
      assert.equal(await changed(), true, 'a response deleted');
      await store.purge({ responsesBefore: '2026-11-22T05:30:00.000Z' });
      assert.equal(await changed(), true, 'a response expired');
      assert.equal(await store.topicRevision('gp-appointments'), revisions[0], 'none left is the empty revision');
      await store.close();
    });

    test('discarded spam is counted per day and reason, nothing else kept', async () => {
      const store = await freshStore();
      await store.countDiscarded('honeypot', '2026-11-21');
      await store.countDiscarded('honeypot', '2026-11-22');
      await store.countDiscarded('honeypot', '2026-11-22');
      await store.countDiscarded('too-fast', '2026-11-22');
      assert.deepEqual(await store.discardedCounts(), [
        { day: '2026-11-21', reason: 'honeypot', count: 1 },
        { day: '2026-11-22', reason: 'honeypot', count: 2 },
        { day: '2026-11-22', reason: 'too-fast', count: 1 },
      ]);
      assert.equal(await store.count(), 0);
      await store.close();
    });

    test('the feedback tally counts the latest answer of each chain, in the hour its chain began', async () => {
      const store = await freshStore();
      const topic = 'bins';
      const pageUseful = (useful: 'yes' | 'no', reasons?: string[]) => ({
        topic,
        answer: { variant: 'page-useful' as const, useful, ...(reasons ? { reasons } : {}) },
      });
      // A "no" amended with reasons, then changed to "yes": only the "yes" counts.
      const changed = validPayload(pageUseful('no'));
      await store.insert(changed, '2026-10-31T23:30:00.000Z');
      await store.insert(
        validPayload({ ...pageUseful('no', ['out-of-date']), amends: changed.id }),
        '2026-11-01T00:10:00.000Z',
      );
      await store.insert(validPayload({ ...pageUseful('yes'), amends: changed.id }), '2026-11-01T00:20:00.000Z');
      await store.insert(
        validPayload(pageUseful('no', ['out-of-date', 'hard-to-understand'])),
        '2026-11-01T09:00:00.000Z',
      );
      await store.insert(validPayload(pageUseful('no', ['out-of-date'])), '2026-11-01T09:59:59.999Z');
      const fft = (rating: 'good' | 'poor') => ({
        topic,
        answer: { variant: 'fft' as const, rating, standardWording: true },
      });
      await store.insert(validPayload(fft('good')), '2026-11-02T10:00:00.000Z');
      await store.insert(validPayload(fft('good')), '2026-11-02T10:30:00.000Z');
      await store.insert(validPayload(fft('poor')), '2026-11-02T11:00:00.000Z');
      await store.insert(validPayload({ ...fft('poor'), topic: 'elsewhere' }), '2026-11-02T11:00:00.000Z');

      const tally = await tallyOf(store, topic);
      const lines = tally.map((row) => `${row.variant} ${row.hour} ${row.key} ${row.count}`).sort();
      assert.deepEqual(lines, [
        'fft 2026-11-02T10 rating:good 2',
        'fft 2026-11-02T11 rating:poor 1',
        'page-useful 2026-10-31T23 useful:yes 1',
        'page-useful 2026-11-01T09 reason:hard-to-understand 1',
        'page-useful 2026-11-01T09 reason:out-of-date 2',
        'page-useful 2026-11-01T09 useful:no 2',
      ]);
      assert.ok(tally.every((row) => row.topic === topic && row.widget === 'feedback-prompt'));
      assert.ok(tally.every((row) => typeof row.count === 'number'));
      const everyTopic = await tallyOf(store);
      assert.deepEqual(
        everyTopic.filter((row) => row.topic === 'elsewhere').map((row) => `${row.hour} ${row.key} ${row.count}`),
        ['2026-11-02T11 rating:poor 1'],
      );
      assert.equal(everyTopic.length, tally.length + 1);
      assert.deepEqual(await tallyOf(store, 'nothing-here'), []);
      await store.close();
    });

    test('ranking answers: the latest of each chain in one topic, in the order they arrived', async () => {
      const store = await freshStore();
      const shown = ['a', 'b', 'c'];
      const rank = (order: string[]) => ({ mode: 'rank' as const, shown, shuffled: false, order });
      const first = rankingPayload(rank(['a', 'b', 'c']), { topic: 'priorities' });
      await store.insert(first, '2026-11-01T09:00:00.000Z');
      await store.insert(
        rankingPayload({ mode: 'top', shown, shuffled: true, max: 2, top: ['c'] }, { topic: 'priorities' }),
        '2026-11-01T09:30:00.000Z',
      );
      // The first person changes their mind twice; only the last answer counts, where it arrived.
      await store.insert(
        rankingPayload(rank(['b', 'a', 'c']), { topic: 'priorities', amends: first.id }),
        '2026-11-01T10:00:00.000Z',
      );
      await store.insert(
        rankingPayload(rank(['c', 'b', 'a']), { topic: 'priorities', amends: first.id }),
        '2026-11-01T11:00:00.000Z',
      );
      await store.insert(
        rankingPayload(
          { mode: 'points', shown, shuffled: false, budget: 10, mustSpendAll: true, points: { a: 10 } },
          {
            topic: 'priorities',
          },
        ),
        '2026-11-01T10:30:00.000Z',
      );
      await store.insert(rankingPayload(rank(['a', 'c', 'b']), { topic: 'elsewhere' }), '2026-11-01T09:00:00.000Z');
      await store.insert(validPayload({ topic: 'priorities' }), '2026-11-01T09:00:00.000Z');

      assert.deepEqual(await rankingOf(store, 'priorities'), [
        { mode: 'top', shown, shuffled: true, max: 2, top: ['c'] },
        { mode: 'points', shown, shuffled: false, budget: 10, mustSpendAll: true, points: { a: 10 } },
        rank(['c', 'b', 'a']),
      ]);
      assert.deepEqual(await rankingOf(store, 'elsewhere'), [rank(['a', 'c', 'b'])]);
      assert.deepEqual(await rankingOf(store, 'nothing-here'), []);
      await store.close();
    });

    test('fruit-tree answers: the latest of each chain, contact details given anywhere in it, in arrival order', async () => {
      const store = await freshStore();
      const topic = 'get-involved';
      const first = fruitTreePayload(['news@stay-informed:once'], {}, { topic, contact });
      await store.insert(first, '2026-11-30T09:00:00.000Z');
      await store.insert(
        fruitTreePayload(['panel@shape-decisions:regular'], { view: 'list', effortFilter: 'regular' }, { topic }),
        '2026-11-30T09:10:00.000Z',
      );
      // The first person adds a fruit later, without sending their contact details again.
      const changed = fruitTreePayload(
        ['news@stay-informed:once', 'governor@lead-and-govern:ongoing'],
        {},
        { topic, amends: first.id },
      );
      await store.insert(changed, '2026-11-30T09:20:00.000Z');
      await store.insert(
        fruitTreePayload(['news@stay-informed:once'], {}, { topic: 'elsewhere' }),
        '2026-11-30T09:00:00.000Z',
      );
      await store.insert(validPayload({ topic }), '2026-11-30T09:00:00.000Z');

      assert.deepEqual(await fruitTreeOf(store, topic), [
        {
          answer: {
            chosen: [{ fruit: 'panel', branch: 'shape-decisions', effort: 'regular' }],
            offered: 14,
            effortFilter: 'regular',
            view: 'list',
            contactGiven: false,
          },
          contactGiven: false,
        },
        { answer: changed.answer, contactGiven: true },
      ]);
      assert.equal((await fruitTreeOf(store, 'elsewhere')).length, 1);
      assert.deepEqual(await fruitTreeOf(store, 'nothing-here'), []);
      await store.close();
    });

    test('contact details come with the fruits and branches of the latest answer, and filter by fruit or branch', async () => {
      const store = await freshStore();
      const topic = 'get-involved';
      const ada = fruitTreePayload(
        ['news@stay-informed:once', 'panel@shape-decisions:regular'],
        {},
        { topic, contact },
      );
      await store.insert(ada, '2026-11-30T09:00:00.000Z');
      const bo = { name: 'Bo', phone: '01632 960000', consent: true as const };
      const boFirst = fruitTreePayload(['governor@lead-and-govern:ongoing'], {}, { topic, contact: bo });
      await store.insert(boFirst, '2026-11-30T09:05:00.000Z');
      // Bo changes their mind: no longer a governor, but a peer supporter and a reader of the news.
      await store.insert(
        fruitTreePayload(
          ['peer-support@work-together:regular', 'news@stay-informed:once', 'forum@work-together:regular'],
          {},
          { topic, amends: boFirst.id },
        ),
        '2026-11-30T09:30:00.000Z',
      );
      const cy = { name: 'Cy', email: 'cy@example.org', consent: true as const };
      await store.insert(
        fruitTreePayload(['governor@lead-and-govern:ongoing'], {}, { topic, contact: cy }),
        '2026-11-30T09:10:00.000Z',
      );
      await store.insert(
        fruitTreePayload(
          ['governor@lead-and-govern:ongoing'],
          {},
          { topic: 'elsewhere', contact: { ...cy, name: 'Di' } },
        ),
        '2026-11-30T09:15:00.000Z',
      );
      await store.insert(validPayload({ topic, contact: { ...cy, name: 'Ed' } }), '2026-11-30T09:20:00.000Z');

      const everyone = await collect(store.exportContacts({ topic }));
      assert.deepEqual(
        everyone.map(({ name, widget, fruits, branches }) => ({ name, widget, fruits, branches })),
        [
          {
            name: 'Ada Lovelace',
            widget: 'fruit-tree',
            fruits: ['news', 'panel'],
            branches: ['stay-informed', 'shape-decisions'],
          },
          {
            name: 'Bo',
            widget: 'fruit-tree',
            fruits: ['peer-support', 'news', 'forum'],
            branches: ['work-together', 'stay-informed'],
          },
          { name: 'Cy', widget: 'fruit-tree', fruits: ['governor'], branches: ['lead-and-govern'] },
          { name: 'Ed', widget: 'feedback-prompt', fruits: [], branches: [] },
        ],
      );
      assert.equal(everyone[1]?.responseId, boFirst.id, 'the contact stays keyed by the response it came with');
      assert.equal(everyone[1].receivedAt, '2026-11-30T09:05:00.000Z');

      const names = async (filter: Parameters<ResponseStore['exportContacts']>[0]) =>
        (await collect(store.exportContacts(filter))).map((row) => row.name);
      assert.deepEqual(await names({ topic, fruit: 'governor' }), ['Cy'], "Bo's changed answer no longer holds it");
      assert.deepEqual(await names({ fruit: 'governor' }), ['Cy', 'Di']);
      assert.deepEqual(await names({ topic, fruit: 'news' }), ['Ada Lovelace', 'Bo']);
      assert.deepEqual(await names({ topic, branch: 'work-together' }), ['Bo']);
      assert.deepEqual(await names({ topic, fruit: 'news', branch: 'shape-decisions' }), ['Ada Lovelace']);
      assert.deepEqual(await names({ topic, fruit: 'no-such-fruit' }), []);
      await store.close();
    });

    test('a closed store reports StoreUnavailableError, not a crash', async () => {
      const store = await freshStore();
      await store.close();
      await assert.rejects(store.ping(), StoreUnavailableError);
      await assert.rejects(store.count(), StoreUnavailableError);
      await assert.rejects(store.insert(validPayload(), new Date().toISOString()), StoreUnavailableError);
      await assert.rejects(collect(store.export()), StoreUnavailableError);
    });
  });
}
