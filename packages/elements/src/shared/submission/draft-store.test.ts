import { expect } from '@esm-bundle/chai';
import { DRAFT_SAVE_DELAY_MS, DRAFT_TTL_MS, DraftStore } from './draft-store.js';

const stored = (key: string) => localStorage.getItem(`participate:draft:${key}`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('DraftStore', () => {
  it('restores a draft, forgets it after its time limit, and clears on request', () => {
    const drafts = new DraftStore<{ comment: string }>('test|draft');
    drafts.save({ comment: 'half' }, 1000);
    expect(drafts.load(1000 + DRAFT_TTL_MS)).to.deep.equal({ comment: 'half' });
    expect(drafts.load(1001 + DRAFT_TTL_MS)).to.equal(undefined);
    expect(localStorage.getItem('participate:draft:test|draft')).to.equal(null);
    drafts.save({ comment: 'again' });
    drafts.clear();
    expect(drafts.load()).to.equal(undefined);
  });

  it('ignores a corrupted draft rather than breaking the widget', () => {
    localStorage.setItem('participate:draft:test|bad', '{not json');
    expect(new DraftStore('test|bad').load()).to.equal(undefined);
  });

  it('saves a run of changes once, after they pause', async () => {
    const drafts = new DraftStore<{ order: string[] }>('test|soon');
    drafts.clear();
    drafts.saveSoon({ order: ['a', 'b'] });
    drafts.saveSoon({ order: ['b', 'a'] });
    expect(stored('test|soon')).to.equal(null);
    await pause(DRAFT_SAVE_DELAY_MS + 100);
    expect(drafts.load()).to.deep.equal({ order: ['b', 'a'] });
  });

  it('writes a held save at once when flushed or when the page is left, and never after clear', async () => {
    const drafts = new DraftStore<{ order: string[] }>('test|flush');
    drafts.clear();
    drafts.saveSoon({ order: ['a'] });
    drafts.flush();
    expect(drafts.load()).to.deep.equal({ order: ['a'] });

    drafts.saveSoon({ order: ['b'] });
    dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(drafts.load()).to.deep.equal({ order: ['b'] });

    drafts.saveSoon({ order: ['c'] });
    drafts.clear();
    await pause(DRAFT_SAVE_DELAY_MS + 100);
    expect(stored('test|flush')).to.equal(null);
  });
});
