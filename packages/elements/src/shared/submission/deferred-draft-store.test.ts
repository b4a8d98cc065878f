import { expect } from '@esm-bundle/chai';
import { DRAFT_SAVE_DELAY_MS, DeferredDraftStore } from './deferred-draft-store.js';

const stored = (key: string) => localStorage.getItem(`participate:draft:${key}`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('DeferredDraftStore', () => {
  it('saves a run of changes once, after they pause', async () => {
    const drafts = new DeferredDraftStore<{ order: string[] }>('test|soon');
    drafts.clear();
    drafts.saveSoon({ order: ['a', 'b'] });
    drafts.saveSoon({ order: ['b', 'a'] });
    expect(stored('test|soon')).to.equal(null);
    await pause(DRAFT_SAVE_DELAY_MS + 100);
    expect(drafts.load()).to.deep.equal({ order: ['b', 'a'] });
  });

  it('writes a held save at once when flushed or when the page is left, and never after clear', async () => {
    const drafts = new DeferredDraftStore<{ order: string[] }>('test|flush');
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
