/** Classes, events and types, without registering any tag. Import `define.js` to register. */
export { ParticipateElement } from './shared/participate-element.js';
export { ParticipateFeedbackPrompt } from './feedback-prompt/feedback-prompt.js';
export { ParticipatePriorityRanking } from './priority-ranking/priority-ranking.js';
export { ParticipateFruitTree } from './fruit-tree/fruit-tree.js';
export * from './shared/events.js';
export type { ParticipateOption } from './shared/options.js';
export type { StringOverrides } from './shared/localize-controller.js';
export type { SubmitStatus } from './shared/submission/submit-controller.js';
