import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ParticipateOption } from '../shared/options.js';
import { errorMessage, type FieldError } from '../shared/error-summary.js';
import type { Translate } from './announcements.js';
import { pointsOf, spent, type PointsProblem } from './points-model.js';

/** What the points template needs from the element: its state, words and actions. */
export interface PointsView {
  t: Translate;
  question: string;
  values: readonly string[];
  option: (value: string) => ParticipateOption;
  /** What is in each box, as typed. */
  entries: Readonly<Record<string, string>>;
  budget: number;
  step: number;
  mustSpendAll: boolean;
  /** Problems found when the person last tried to send; empty when none. */
  problems: readonly PointsProblem[];
  input: (value: string, raw: string) => void;
  commit: (value: string) => void;
  stepBy: (value: string, by: number) => void;
}

const KEY = 'priorityRanking.points';

export function pointsInputId(values: readonly string[], value: string): string {
  return `points-${String(values.indexOf(value))}`;
}

/** "60 points left", or "20 points too many" once the total is over. */
export function leftText(t: Translate, left: number): string {
  return left >= 0 ? t(`${KEY}.left`, { count: left }) : t(`${KEY}.over`, { count: -left });
}

/** The words for one problem, as the summary and the inline message show them. */
export function problemText(t: Translate, problem: PointsProblem, label: (value: string) => string): string {
  switch (problem.kind) {
    case 'negative':
      return t(`${KEY}.errors.negative`, { label: label(problem.value) });
    case 'not-whole':
      return t(`${KEY}.errors.notWhole`, { label: label(problem.value) });
    case 'over':
      return t(`${KEY}.errors.over`, { count: problem.spent - problem.budget, budget: problem.budget });
    case 'not-all-spent':
      return t(`${KEY}.errors.notAllSpent`, { count: problem.left, budget: problem.budget });
    case 'none-given':
      return t(`${KEY}.errors.noneGiven`);
  }
}

/** The error summary's links: each box's problem to its box; a problem with the total to the first box. */
export function pointsFieldErrors(view: Pick<PointsView, 't' | 'values' | 'option' | 'problems'>): FieldError[] {
  const label = (value: string) => view.option(value).label;
  return view.problems.map((problem) => ({
    target: pointsInputId(view.values, problem.value ?? view.values[0] ?? ''),
    message: problemText(view.t, problem, label),
  }));
}

/**
 * Points mode: a box per option for the points it gets, with − and + beside it, and how many
 * points are left. The boxes are text with a numeric keyboard (as GOV.UK advises) rather than
 * `type=number`, so whatever a person types stays as they typed it, even when it is wrong.
 */
export function renderPoints(view: PointsView): TemplateResult {
  const { t, values, budget, problems } = view;
  const left = budget - spent(view.entries, values);
  const total = problems.find((problem) => problem.value === undefined);
  const label = (value: string) => view.option(value).label;
  const describedBy = ['points-hint', total ? 'points-error' : ''].filter(Boolean).join(' ');
  return html`
    <fieldset class="form-group ${total ? 'has-error' : ''}" aria-describedby=${describedBy}>
      <legend part="label" class="heading">${view.question}</legend>
      <p class="hint" id="points-hint">${t(view.mustSpendAll ? `${KEY}.hintAll` : `${KEY}.hint`, { count: budget })}</p>
      ${errorMessage('points-error', t('common.errorPrefix'), total ? problemText(t, total, label) : undefined)}
      <p class="points-left ${left < 0 ? 'is-over' : ''}" id="points-left">${leftText(t, left)}</p>
      <ul part="list" class="options points">
        ${values.map((value) => renderRow(view, value, left))}
      </ul>
      ${left <= 0 ? html`<p class="hint" id="points-none-left">${t(`${KEY}.noneLeft`)}</p>` : nothing}
    </fieldset>
  `;
}

function renderRow(view: PointsView, value: string, left: number): TemplateResult {
  const { t, values } = view;
  const { label, description } = view.option(value);
  const id = pointsInputId(values, value);
  const problem = view.problems.find((found) => found.value === value);
  const raw = view.entries[value] ?? '';
  const points = pointsOf(raw);
  const describedBy = [description ? `${id}-description` : '', problem ? `${id}-error` : '', 'points-left']
    .filter(Boolean)
    .join(' ');
  const noFewer = points <= 0;
  const noMore = left <= 0;
  return html`
    <li part="item" class="option points-row ${problem ? 'has-error' : ''}" data-value=${value}>
      <span class="text">
        <label class="item-label" for=${id}>${label}</label>
        ${description ? html`<span class="item-description" id=${`${id}-description`}>${description}</span>` : nothing}
        ${errorMessage(
          `${id}-error`,
          t('common.errorPrefix'),
          problem ? problemText(t, problem, (v) => view.option(v).label) : undefined,
        )}
      </span>
      <span class="controls stepper">
        <button
          part="button"
          type="button"
          class="secondary step fewer"
          aria-label=${t(`${KEY}.fewer`, { label })}
          aria-disabled=${noFewer ? 'true' : 'false'}
          @click=${() => {
            if (!noFewer) view.stepBy(value, -view.step);
          }}
        >
          −
        </button>
        <input
          part="input"
          id=${id}
          class="points-input ${problem ? 'input-error' : ''}"
          type="text"
          inputmode="numeric"
          autocomplete="off"
          spellcheck="false"
          aria-describedby=${describedBy}
          aria-invalid=${problem ? 'true' : 'false'}
          .value=${live(raw)}
          @input=${(event: Event) => {
            view.input(value, (event.target as HTMLInputElement).value);
          }}
          @change=${() => {
            view.commit(value);
          }}
        />
        <button
          part="button"
          type="button"
          class="secondary step more"
          aria-label=${t(`${KEY}.more`, { label })}
          aria-disabled=${noMore ? 'true' : 'false'}
          aria-describedby=${noMore ? 'points-none-left' : nothing}
          @click=${() => {
            if (!noMore) view.stepBy(value, view.step);
          }}
        >
          +
        </button>
      </span>
    </li>
  `;
}
