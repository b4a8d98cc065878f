/**
 * How every ResponseStore keeps ids and `amends` chains: one spelling per id, one chain per
 * person however its amendments name each other or arrive, and a chain deleted as a whole.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { collect } from '../store/collect.js';
import type { ResponseStore } from '../store/store.js';
import { fruitTreePayload, validPayload } from './harness.js';
import type { Database } from './store-contract.js';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 9, minute)).toISOString();

const useful = (useful: 'yes' | 'no') => ({ answer: { variant: 'page-useful' as const, useful } });

export function chainsContract(name: string, freshDatabase: () => Promise<Database>) {
  const freshStore = async (): Promise<ResponseStore> => (await freshDatabase()).open();

  describe(`${name}: ids and amends chains`, () => {
    test('an id in capitals or as a urn:uuid: URN is the same response', async () => {
      const store = await freshStore();
      const payload = validPayload();
      assert.equal((await store.insert(payload, at(0))).outcome, 'created');
      const shouted = await store.insert({ ...payload, id: payload.id.toUpperCase() }, at(1));
      assert.deepEqual(shouted, { outcome: 'duplicate', id: payload.id, receivedAt: at(0) });
      const urn = await store.insert({ ...payload, id: `urn:uuid:${payload.id.toUpperCase()}` }, at(2));
      assert.equal(urn.outcome, 'duplicate');
      assert.equal(await store.count(), 1);
      // An amendment naming its original in capitals joins the same chain.
      await store.insert(validPayload({ ...useful('yes'), amends: payload.id.toUpperCase() }), at(3));
      const latest = await collect(store.latestAnswers({ topic: payload.topic }));
      assert.equal(latest.length, 1);
      await store.close();
    });

    test('amendments of amendments count once, in whatever order they arrive', async () => {
      const store = await freshStore();
      const topic = 'bins';
      // Six people; three change their answer two or three times, each change naming the one before.
      let minute = 0;
      const people = Array.from({ length: 6 }, () => validPayload({ topic, ...useful('no') }));
      for (const person of people) await store.insert(person, at(minute++));
      for (const person of people.slice(0, 3)) {
        let previous = person.id;
        for (let change = 0; change < (person === people[0] ? 3 : 2); change += 1) {
          const amendment = validPayload({ topic, ...useful(change % 2 === 0 ? 'yes' : 'no'), amends: previous });
          await store.insert(amendment, at(minute++));
          previous = amendment.id;
        }
      }
      // A seventh person's outbox sends the second change before the first, and both before the answer.
      const seventh = validPayload({ topic, ...useful('no') });
      const firstChange = validPayload({ topic, ...useful('no'), amends: seventh.id });
      const secondChange = validPayload({ topic, ...useful('yes'), amends: firstChange.id });
      await store.insert(secondChange, at(minute++));
      await store.insert(firstChange, at(minute++));
      await store.insert(seventh, at(minute++));

      const latest = await collect(store.latestAnswers({ topic }));
      assert.equal(latest.length, 7, 'seven people');
      assert.equal(await store.count(), 6 + 7 + 3);
      const answers = latest.map((item) => (JSON.parse(item.answer) as { useful: string }).useful);
      // The first person ends on yes (yes, no, yes), the next two on no (yes, no), the seventh on yes.
      assert.equal(answers.filter((answer) => answer === 'yes').length, 2);
      await store.close();
    });

    test('latest answers say when their chain began, their stage, and whether contact was ever given', async () => {
      const store = await freshStore();
      const topic = 'get-involved';
      const contact = { name: 'Ada Lovelace', email: 'ada@example.org', consent: true as const };
      const first = fruitTreePayload(['news@stay-informed:once'], {}, { topic, contact });
      await store.insert(first, at(5));
      const change = fruitTreePayload(['panel@shape-decisions:regular'], {}, { topic, amends: first.id });
      await store.insert({ ...change, stage: 'monitor-services' }, at(9));
      await store.insert(validPayload({ topic: 'elsewhere' }), at(6));
      const [latest, ...others] = await collect(store.latestAnswers({ topic }));
      assert.deepEqual(others, []);
      assert.deepEqual(latest, {
        topic,
        widget: 'fruit-tree',
        variant: 'fruit-tree',
        stage: 'monitor-services',
        chainStartedAt: at(5),
        contactGiven: true,
        answer: JSON.stringify(change.answer),
      });
      assert.equal((await collect(store.latestAnswers({ widget: 'feedback-prompt' }))).length, 1);
      assert.equal((await collect(store.latestAnswers({ topic, widget: 'feedback-prompt' }))).length, 0);
      await store.close();
    });

    test('deleting any response of a chain deletes the chain, also when named in capitals', async () => {
      const store = await freshStore();
      const first = validPayload();
      const change = validPayload({ amends: first.id });
      const again = validPayload({ amends: change.id });
      const other = validPayload();
      for (const [index, payload] of [first, change, again, other].entries()) await store.insert(payload, at(index));
      assert.equal(await store.deleteResponse(again.id.toUpperCase()), 3);
      assert.deepEqual(
        (await collect(store.export())).map((row) => row.id),
        [other.id],
      );
      assert.equal(await store.deleteResponse(randomUUID()), 0);
      await store.close();
    });
  });
}
