import { userEvent, waitFor } from 'storybook/test';
import type { ParticipateFeedbackPrompt } from '../../packages/elements/src/index.js';

/** How long a play function waits for the network: quick retries take a couple of seconds. */
export const NETWORK_TIMEOUT_MS = 10_000;

/** A prompt in the story (the first, unless `selector` says which), once it has rendered. */
export async function renderedPrompt(
  canvasElement: HTMLElement,
  selector = 'participate-feedback-prompt',
): Promise<ParticipateFeedbackPrompt> {
  const prompt = canvasElement.querySelector<ParticipateFeedbackPrompt>(selector);
  if (!prompt) throw new Error(`The story renders no ${selector}.`);
  // The prompt waits for its language's strings before it renders anything.
  await findInPrompt(prompt, '[part~="base"]');
  return prompt;
}

/**
 * An element inside the prompt's shadow root. Selectors rely on structure, not wording, so
 * play functions work in every locale from the toolbar.
 */
export async function findInPrompt<T extends Element = HTMLElement>(
  prompt: ParticipateFeedbackPrompt,
  selector: string,
  timeout = 1000,
): Promise<T> {
  return waitFor(
    () => {
      const found = prompt.shadowRoot?.querySelector<T>(selector);
      if (!found) throw new Error(`No ${selector} in the prompt yet.`);
      return found;
    },
    // Keep our message: the default appends a dump of the whole document.
    { timeout, onTimeout: (error) => error },
  );
}

/** Answers "No" and waits for the follow-up, which shows once the answer has gone or been kept. */
export async function answerNo(
  canvasElement: HTMLElement,
  selector = 'participate-feedback-prompt',
): Promise<ParticipateFeedbackPrompt> {
  const prompt = await renderedPrompt(canvasElement, selector);
  await userEvent.click(await findInPrompt(prompt, 'button[value="no"]'));
  await findInPrompt(prompt, 'form', NETWORK_TIMEOUT_MS);
  return prompt;
}
