import { html, nothing, type TemplateResult } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { LOCALES, type Locale } from '../../.storybook/locale.js';
import type { ParticipatePriorityRanking } from '../../packages/elements/src/index.js';

export const RANKING_TAG = 'participate-priority-ranking';

/**
 * The options a council or NHS web team would offer, as they would write them, in each language
 * the library ships: on a Welsh or Urdu page the author writes the labels in that language too,
 * so the whole widget is in one language. The values stay the same: they are what is stored.
 *
 * Written out as static markup, with no `${…}` inside an option: Lit marks each expression in a
 * template with a comment node, and the widget reads an option's label from all its child nodes.
 */
const OPTIONS: Record<Locale, TemplateResult> = {
  en: html`
    <participate-option value="gp-access"
      >Easier GP appointments<span slot="description">Booking online, by phone or in person</span></participate-option
    >
    <participate-option value="mental-health">Mental health support</participate-option>
    <participate-option value="waiting-lists">Shorter waiting lists</participate-option>
    <participate-option value="transport">Transport to hospital</participate-option>
    <participate-option value="carers">Help for carers</participate-option>
    <p><a href="https://www.example.org/have-your-say/priorities">Tell us your priorities on our website</a></p>
  `,
  cy: html`
    <participate-option value="gp-access"
      >Apwyntiadau meddyg teulu haws<span slot="description"
        >Trefnu ar-lein, dros y ffôn neu wyneb yn wyneb</span
      ></participate-option
    >
    <participate-option value="mental-health">Cymorth iechyd meddwl</participate-option>
    <participate-option value="waiting-lists">Rhestrau aros byrrach</participate-option>
    <participate-option value="transport">Trafnidiaeth i'r ysbyty</participate-option>
    <participate-option value="carers">Help i ofalwyr</participate-option>
    <p>
      <a href="https://www.example.org/have-your-say/priorities"
        >Dywedwch wrthym am eich blaenoriaethau ar ein gwefan</a
      >
    </p>
  `,
  ur: html`
    <participate-option value="gp-access"
      >جی پی سے آسانی سے ملاقات<span slot="description">آن لائن، فون پر یا خود آ کر وقت لیں</span></participate-option
    >
    <participate-option value="mental-health">ذہنی صحت کے لیے مدد</participate-option>
    <participate-option value="waiting-lists">انتظار کا کم وقت</participate-option>
    <participate-option value="transport">ہسپتال جانے کے لیے سواری</participate-option>
    <participate-option value="carers">دیکھ بھال کرنے والوں کے لیے مدد</participate-option>
    <p><a href="https://www.example.org/have-your-say/priorities">ہماری ویب سائٹ پر اپنی ترجیحات بتائیں</a></p>
  `,
};

/** `<participate-option>` children in `locale`, then the link people get when the widget cannot run. */
export function rankingOptions(locale: Locale = 'en'): TemplateResult {
  return OPTIONS[locale];
}

/**
 * An element inside the widget's shadow root, once it is there. Selectors rely on structure,
 * not wording, so play functions work in every locale.
 */
export async function findInRanking<T extends Element = HTMLElement>(
  element: ParticipatePriorityRanking,
  selector: string,
  timeout = 1000,
): Promise<T> {
  return waitFor(
    () => {
      const found = element.shadowRoot?.querySelector<T>(selector);
      if (!found) throw new Error(`No ${selector} in the ranking yet.`);
      return found;
    },
    // Keep our message: the default appends a dump of the whole document.
    { timeout, onTimeout: (error) => error },
  );
}

/** A ranking in the story (the first, unless `selector` says which), once it has rendered. */
export async function renderedRanking(
  canvasElement: HTMLElement,
  selector = RANKING_TAG,
): Promise<ParticipatePriorityRanking> {
  const element = canvasElement.querySelector<ParticipatePriorityRanking>(selector);
  if (!element) throw new Error(`The story renders no ${selector}.`);
  // The widget waits for its language's strings before it renders anything.
  await findInRanking(element, '[part~="base"]');
  return element;
}

/** Values of the widget's ordered list (every option, or the chosen ones), top to bottom. */
export function orderOf(element: ParticipatePriorityRanking): string[] {
  return [...(element.shadowRoot?.querySelectorAll<HTMLElement>('.ranking > li') ?? [])].map(
    (li) => li.dataset.value ?? '',
  );
}

/** Waits until focus, inside the widget's shadow root, is on `target`. */
export async function expectFocusOn(element: ParticipatePriorityRanking, target: Element): Promise<void> {
  await waitFor(() => expect(element.shadowRoot?.activeElement).toBe(target));
}

/** Presses Send (the widget's only submit button). */
export async function pressSend(element: ParticipatePriorityRanking): Promise<void> {
  await userEvent.click(await findInRanking(element, 'button[type="submit"]'));
}

/** Sends and waits for the focused error summary that a failed check shows. */
export async function sendExpectingErrors(element: ParticipatePriorityRanking): Promise<HTMLElement> {
  await pressSend(element);
  const summary = await findInRanking(element, '.error-summary');
  await expectFocusOn(element, summary);
  return summary;
}

/**
 * Rank mode: picks `value` up with Space on its handle and moves it down one place. It stays
 * held, so this must be the last thing a play function does: focus moving on drops it.
 */
export async function holdAndMoveDown(element: ParticipatePriorityRanking, value: string): Promise<void> {
  const before = orderOf(element).indexOf(value);
  const handle = await findInRanking(element, `li[data-value="${value}"] .handle`);
  handle.focus();
  await userEvent.keyboard(' ');
  await waitFor(() => expect(handle.getAttribute('aria-pressed')).toBe('true'));
  await userEvent.keyboard('{ArrowDown}');
  await waitFor(() => expect(orderOf(element).indexOf(value)).toBe(before + 1));
  await expect(await findInRanking(element, `li[data-value="${value}"].grabbed`)).toBeVisible();
}

/** Top mode: fills the list (`max` choices) and then tries to add one more. */
export async function chooseOneTooMany(element: ParticipatePriorityRanking, max: number): Promise<void> {
  for (let index = 0; index <= max; index += 1) {
    await userEvent.click(await findInRanking(element, `#toggle-${String(index)}`));
  }
  await findInRanking(element, '#top-full');
  await waitFor(() => expect(orderOf(element)).toHaveLength(max));
  const blocked = await findInRanking(element, `#toggle-${String(max)}`);
  await expect(blocked).toHaveAttribute('aria-disabled', 'true');
  await expect(blocked).toHaveAttribute('aria-describedby', 'top-full');
}

/**
 * Points mode (budget 100): gives 80 and 40, so the count turns to "20 points too many", then
 * sends and waits for the error summary.
 */
export async function giveTooManyPoints(element: ParticipatePriorityRanking): Promise<HTMLElement> {
  await userEvent.type(await findInRanking(element, 'li[data-value="gp-access"] input'), '80');
  await userEvent.type(await findInRanking(element, 'li[data-value="mental-health"] input'), '40');
  await findInRanking(element, '#points-left.is-over');
  const summary = await sendExpectingErrors(element);
  await expect(await findInRanking(element, 'fieldset.has-error #points-error')).toBeVisible();
  return summary;
}

/** Pairwise mode: answers `count` pairs with the first option of each, waiting for each to land. */
export async function answerPairs(element: ParticipatePriorityRanking, count: number): Promise<void> {
  for (let answered = 0; answered < count; answered += 1) {
    await userEvent.click(await findInRanking(element, '#pair-a'));
    await element.updateComplete;
  }
}

/** Pairwise mode: stops comparing after the pairs answered so far; waits for the focused summary. */
export async function stopComparing(element: ParticipatePriorityRanking): Promise<HTMLElement> {
  await userEvent.click(await findInRanking(element, '.stop'));
  const heading = await findInRanking(element, '#pairs-done');
  await expectFocusOn(element, heading);
  return heading;
}

export const RANKING_MODES = ['rank', 'top', 'points', 'pairwise'] as const;

export type RankingMode = (typeof RANKING_MODES)[number];

/** What sets each mode up in {@link rankingInEveryMode}: the sizes the play functions rely on. */
const MODE_ATTRIBUTES: Record<RankingMode, { max?: number; budget?: number; rounds?: number }> = {
  rank: {},
  top: { max: 3 },
  points: { budget: 100 },
  pairwise: { rounds: 6 },
};

/**
 * One ranking per mode, side by side, each in a section headed by `headings[mode]` (which says
 * what the play function does to it) and inside an element carrying `locale` and its direction,
 * as on a page in that language. Each ranking's id is `<topic>-<mode>`, and so is its topic.
 */
export function rankingInEveryMode({
  endpoint,
  topic,
  locale = 'en',
  headings,
}: {
  endpoint: string;
  topic: string;
  locale?: Locale;
  headings: Record<RankingMode, string>;
}): TemplateResult {
  return html`
    <div class="story-columns">
      ${RANKING_MODES.map((mode) => {
        const id = `${topic}-${mode}`;
        const { max, budget, rounds } = MODE_ATTRIBUTES[mode];
        return html`
          <section aria-labelledby="${id}-heading">
            <h2 id="${id}-heading">${headings[mode]}</h2>
            <div lang=${locale} dir=${LOCALES[locale].dir}>
              <participate-priority-ranking
                id=${id}
                endpoint=${endpoint}
                topic=${id}
                mode=${mode}
                max=${max ?? nothing}
                budget=${budget ?? nothing}
                rounds=${rounds ?? nothing}
              >
                ${rankingOptions(locale)}
              </participate-priority-ranking>
            </div>
          </section>
        `;
      })}
    </div>
  `;
}
