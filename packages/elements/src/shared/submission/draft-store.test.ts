import { expect } from '@esm-bundle/chai';
import { DRAFT_TTL_MS, DraftStore } from './draft-store.js';

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
});
