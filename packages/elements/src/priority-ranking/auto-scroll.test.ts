import { expect } from '@esm-bundle/chai';
import { edgeSpeed, scrollerOf } from './auto-scroll.js';

describe('auto-scroll while dragging', () => {
  it('scrolls only near an edge, faster nearer it, and no faster past it', () => {
    expect(edgeSpeed(300, 0, 600)).to.equal(0);
    expect(edgeSpeed(49, 0, 600)).to.equal(0);
    expect(edgeSpeed(24, 0, 600)).to.equal(-10);
    expect(edgeSpeed(0, 0, 600)).to.equal(-20);
    expect(edgeSpeed(-300, 0, 600)).to.equal(-20);
    expect(edgeSpeed(576, 0, 600)).to.equal(10);
    expect(edgeSpeed(900, 0, 600)).to.equal(20);
  });

  it('keeps the edge zone to a quarter of a small scrolling box', () => {
    expect(edgeSpeed(110, 100, 180)).to.equal(-Math.ceil((20 * 10) / 20));
    expect(edgeSpeed(140, 100, 180)).to.equal(0);
  });

  it('finds the scrolling box around a row through shadow roots, else the page', () => {
    const box = document.createElement('div');
    box.className = 'scroll-box';
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('.scroll-box { overflow-y: auto; block-size: 50px; } .tall { block-size: 400px; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const host = document.createElement('div');
    host.className = 'tall';
    const row = document.createElement('p');
    host.attachShadow({ mode: 'open' }).append(row);
    box.append(host);
    document.body.append(box);
    try {
      const scroller = scrollerOf(row);
      expect(scroller.visibleBottom() - scroller.visibleTop()).to.equal(50);
      expect(scroller.scrollBy(30)).to.equal(true);
      expect(box.scrollTop).to.equal(30);
      expect(scroller.scrollBy(-100)).to.equal(true);
      expect(scroller.scrollBy(-1), 'already at the top').to.equal(false);

      box.remove();
      document.body.append(host);
      expect(scrollerOf(row).visibleBottom()).to.equal(document.documentElement.clientHeight);
    } finally {
      host.remove();
      box.remove();
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    }
  });
});
