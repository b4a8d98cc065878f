/** Registers every Participate element. Bundler users may import per-component entries instead. */
export * from './define/feedback-prompt.js';
export * from './define/priority-ranking.js';
export * from './define/fruit-tree.js';
