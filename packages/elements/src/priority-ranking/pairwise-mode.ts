import { html, nothing, type TemplateResult } from 'lit';
import type { PairwiseComparison } from '@participate/schema';
import type { ParticipateOption } from '../shared/options.js';
import type { Translate } from './announcements.js';
import type { Pair } from './pair-schedule.js';

export type PairwiseChoice = PairwiseComparison['choice'];

/** What the pairwise template needs from the element. */
export interface PairwiseView {
  t: Translate;
  question: string;
  option: (value: string) => ParticipateOption;
  pairs: readonly Pair[];
  comparisons: readonly PairwiseComparison[];
  /** The person chose to stop before the last pair. */
  stopped: boolean;
  choose: (choice: PairwiseChoice) => void;
  stop: () => void;
  carryOn: () => void;
  /** Takes back the last answer and shows that pair again. */
  undo: () => void;
}

const KEY = 'priorityRanking.pairwise';

/** Whether every pair has been answered or the person stopped: the finished screen shows. */
export function pairwiseFinished(view: Pick<PairwiseView, 'pairs' | 'comparisons' | 'stopped'>): boolean {
  return view.stopped || view.comparisons.length >= view.pairs.length;
}

/** How often each option was chosen over the other, most first (ties in the order first met). */
export function tally(comparisons: readonly PairwiseComparison[]): { value: string; wins: number }[] {
  const wins = new Map<string, number>();
  for (const { a, b, choice } of comparisons) {
    wins.set(a, (wins.get(a) ?? 0) + (choice === 'a' ? 1 : 0));
    wins.set(b, (wins.get(b) ?? 0) + (choice === 'b' ? 1 : 0));
  }
  return [...wins].map(([value, count]) => ({ value, wins: count })).sort((x, y) => y.wins - x.wins);
}

/** What the live region says after a choice, in the widget's language. */
export function choiceAnnouncement(t: Translate, chosen: string | undefined, next: number, total: number): string {
  const first = chosen === undefined ? t(`${KEY}.announce.cantDecide`) : t(`${KEY}.announce.chose`, { label: chosen });
  const then = next > total ? t(`${KEY}.announce.last`) : t(`${KEY}.announce.next`, { position: next, total });
  return `${first} ${then}`;
}

/**
 * Pairwise mode: two options at a time, "Which matters more?", as two large buttons with
 * "I can't decide" below, and a way to stop early once at least one pair is answered. Then a
 * summary of what was chosen, and Send.
 */
export function renderPairwise(view: PairwiseView): TemplateResult {
  return pairwiseFinished(view) ? renderFinished(view) : renderPair(view);
}

function renderPair(view: PairwiseView): TemplateResult {
  const { t, comparisons, pairs } = view;
  const index = comparisons.length;
  const [a, b] = pairs[index] ?? ['', ''];
  return html`
    <fieldset class="form-group pairwise" aria-describedby="pair-progress">
      <legend part="label" class="heading">${view.question}</legend>
      <p class="hint" id="pair-progress">${t(`${KEY}.progress`, { position: index + 1, total: pairs.length })}</p>
      <div class="pair">
        ${renderSide(view, 'a', a)}
        <span class="pair-or">${t(`${KEY}.or`)}</span>
        ${renderSide(view, 'b', b)}
      </div>
      <button
        part="button"
        type="button"
        class="secondary cant-decide"
        @click=${() => {
          view.choose('cant-decide');
        }}
      >
        ${t(`${KEY}.cantDecide`)}
      </button>
    </fieldset>
    ${
      index > 0
        ? html`<p class="stop-early">
            <button
              part="button"
              type="button"
              class="link-button undo"
              @click=${() => {
                view.undo();
              }}
            >
              ${t(`${KEY}.undo`)}
            </button>
            <button
              part="button"
              type="button"
              class="link-button stop"
              @click=${() => {
                view.stop();
              }}
            >
              ${t(`${KEY}.stop`)}
            </button>
          </p>`
        : nothing
    }
  `;
}

function renderSide(view: PairwiseView, side: 'a' | 'b', value: string): TemplateResult {
  const { label, description } = view.option(value);
  return html`
    <button
      part="button"
      type="button"
      id=${`pair-${side}`}
      class="pair-choice"
      data-value=${value}
      @click=${() => {
        view.choose(side);
      }}
    >
      <span class="item-label">${label}</span>
      ${description ? html`<span class="item-description">${description}</span>` : nothing}
    </button>
  `;
}

function renderFinished(view: PairwiseView): TemplateResult {
  const { t, comparisons, pairs } = view;
  const early = comparisons.length < pairs.length;
  const results = tally(comparisons);
  return html`
    <div class="form-group pairwise-done">
      <h2 part="label" class="heading" id="pairs-done" tabindex="-1">
        ${
          early
            ? t(`${KEY}.stoppedHeading`, { count: comparisons.length, total: pairs.length })
            : t(`${KEY}.doneHeading`, { count: comparisons.length })
        }
      </h2>
      <p class="hint" id="pairs-summary-heading">${t(`${KEY}.summaryHint`)}</p>
      <ol part="list" class="pairwise-summary" aria-labelledby="pairs-summary-heading">
        ${results.map(
          ({ value, wins }) =>
            html`<li>
              <span class="item-label">${view.option(value).label}</span>
              <span class="wins">${t(`${KEY}.chosenTimes`, { count: wins })}</span>
            </li>`,
        )}
      </ol>
      ${
        early
          ? html`<p>
              <button
                part="button"
                type="button"
                class="secondary carry-on"
                @click=${() => {
                  view.carryOn();
                }}
              >
                ${t(`${KEY}.carryOn`)}
              </button>
            </p>`
          : nothing
      }
    </div>
  `;
}
