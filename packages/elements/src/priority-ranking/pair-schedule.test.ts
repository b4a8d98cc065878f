import { expect } from '@esm-bundle/chai';
import {
  pairCount,
  pairKey,
  restoredPairs,
  roundsFor,
  schedulePairs,
  seededRandom,
  type Pair,
} from './pair-schedule.js';

const letters = (n: number) => Array.from({ length: n }, (_, i) => String.fromCharCode(97 + i));

function appearances(pairs: readonly Pair[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [a, b] of pairs) {
    counts.set(a, (counts.get(a) ?? 0) + 1);
    counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  return counts;
}

describe('pair schedule', () => {
  it('counts pairs and chooses rounds: 15 by default, never more than the pairs or the limit', () => {
    expect([0, 1, 2, 4, 6, 10].map(pairCount)).to.deep.equal([0, 0, 1, 6, 15, 45]);
    expect(roundsFor(4, undefined, 200)).to.equal(6);
    expect(roundsFor(10, undefined, 200)).to.equal(15);
    expect(roundsFor(10, 30, 200)).to.equal(30);
    expect(roundsFor(10, 99, 40)).to.equal(40);
    expect(roundsFor(10, 0, 200)).to.equal(15);
    expect(roundsFor(10, 2.5, 200)).to.equal(15);
  });

  it('repeats exactly for the same seed, and differs between seeds', () => {
    const values = letters(8);
    expect(schedulePairs(values, 12, seededRandom(7))).to.deep.equal(schedulePairs(values, 12, seededRandom(7)));
    const distinct = new Set(
      [1, 2, 3, 4, 5].map((seed) => JSON.stringify(schedulePairs(values, 12, seededRandom(seed)))),
    );
    expect(distinct.size).to.be.greaterThan(1);
  });

  it('never repeats a pair, never pairs an option with itself, and runs out at every pair', () => {
    for (let n = 2; n <= 12; n++) {
      for (let seed = 1; seed <= 20; seed++) {
        const pairs = schedulePairs(letters(n), 1000, seededRandom(seed));
        expect(pairs, `n=${n}`).to.have.length(pairCount(n));
        expect(new Set(pairs.map(([a, b]) => pairKey(a, b))).size).to.equal(pairs.length);
        expect(pairs.every(([a, b]) => a !== b)).to.equal(true);
      }
    }
  });

  it('shows every option once before any option a second time', () => {
    for (let n = 2; n <= 15; n++) {
      for (let seed = 1; seed <= 20; seed++) {
        const pairs = schedulePairs(letters(n), roundsFor(n, undefined, 200), seededRandom(seed));
        // Rounds until everyone has been seen: ceil(n / 2).
        const firstRounds = pairs.slice(0, Math.ceil(n / 2));
        const counts = appearances(firstRounds);
        expect(counts.size, `n=${n} seed=${seed}: all seen`).to.equal(Math.min(n, 2 * firstRounds.length));
        const twice = [...counts.values()].filter((count) => count > 1).length;
        expect(twice, `n=${n} seed=${seed}: repeats`).to.be.at.most(n % 2);
      }
    }
  });

  it('keeps appearances balanced: at most two appearances apart', () => {
    for (let n = 3; n <= 15; n++) {
      for (let seed = 1; seed <= 20; seed++) {
        const values = letters(n);
        const pairs = schedulePairs(values, roundsFor(n, undefined, 200), seededRandom(seed));
        const counts = values.map((value) => appearances(pairs).get(value) ?? 0);
        expect(Math.max(...counts) - Math.min(...counts), `n=${n} seed=${seed}: ${counts.join()}`).to.be.at.most(2);
      }
    }
  });

  it('puts each option first about as often as second', () => {
    const pairs = schedulePairs(letters(12), 66, seededRandom(3));
    const firsts = pairs.filter(([a, b]) => a < b).length;
    expect(firsts).to.be.within(20, 46);
  });

  it('restores a saved schedule only when it still fits the options and rounds', () => {
    const values = ['a', 'b', 'c'];
    expect(
      restoredPairs(
        [
          ['a', 'b'],
          ['c', 'a'],
        ],
        values,
        2,
      ),
    ).to.deep.equal([
      ['a', 'b'],
      ['c', 'a'],
    ]);
    expect(restoredPairs([['a', 'b']], values, 2), 'wrong length').to.equal(undefined);
    expect(
      restoredPairs(
        [
          ['a', 'a'],
          ['b', 'c'],
        ],
        values,
        2,
      ),
      'self',
    ).to.equal(undefined);
    expect(
      restoredPairs(
        [
          ['a', 'b'],
          ['b', 'a'],
        ],
        values,
        2,
      ),
      'repeat',
    ).to.equal(undefined);
    expect(
      restoredPairs(
        [
          ['a', 'z'],
          ['b', 'c'],
        ],
        values,
        2,
      ),
      'unknown',
    ).to.equal(undefined);
    expect(restoredPairs('nonsense', values, 2)).to.equal(undefined);
  });
});
