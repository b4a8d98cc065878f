/**
 * The one script a page includes. It loads a component only when its tag is (or later
 * appears) in the document, so a page with one feedback prompt downloads nothing else.
 */
const components: Record<string, () => Promise<unknown>> = {
  'participate-feedback-prompt': () => import('./define/feedback-prompt.js'),
  'participate-priority-ranking': () => import('./define/priority-ranking.js'),
  'participate-fruit-tree': () => import('./define/fruit-tree.js'),
};

const requested = new Set<string>();

function load(tag: string): void {
  const loader = components[tag];
  if (!loader || requested.has(tag)) return;
  requested.add(tag);
  loader().catch((error: unknown) => {
    requested.delete(tag);
    console.error(`[participate] Could not load <${tag}>; its fallback content stays in place.`, error);
  });
}

function scan(root: ParentNode): void {
  for (const tag of Object.keys(components)) {
    if (!requested.has(tag) && root.querySelector(tag)) load(tag);
  }
}

function watch(): void {
  scan(document);
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.localName in components) load(node.localName);
        else if (node.firstElementChild) scan(node);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch, { once: true });
else watch();
