import { html, nothing, svg, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { EffortFilter, FruitTreeView } from '@participate/schema/vocabulary';
import type { Translate } from '../shared/translate.js';
import { errorMessage } from '../shared/error-summary.js';
import { renderInfo } from './info-popover.js';
import type { Branch, Fruit } from './tree-model.js';

/** What the choosing step needs from the element: its state, words and actions. */
export interface ChooseView {
  t: Translate;
  question: string;
  branches: readonly Branch[];
  chosen: ReadonlySet<string>;
  filter: EffortFilter;
  view: FruitTreeView;
  /** Whether a fruit is shown under the current filter. */
  visible: (fruit: Fruit) => boolean;
  hiddenCount: number;
  /** A stable id stem for a fruit, from its place in the whole tree. */
  idOf: (fruit: Fruit) => string;
  error: string | undefined;
  errorPrefix: string;
  toggle: (value: string) => void;
  setFilter: (filter: EffortFilter) => void;
  setView: (view: FruitTreeView) => void;
}

const KEY = 'fruitTree';
const FILTERS: readonly EffortFilter[] = ['any', 'once', 'regular'];
const VIEWS: readonly FruitTreeView[] = ['tree', 'list'];

/** A fruit's picture: a small bud, or, once chosen, a round ripe fruit with a tick. */
function fruitIcon(ripe: boolean): TemplateResult {
  return ripe
    ? svg`<svg class="fruit-icon ripe" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <path class="leaf" d="M16 7c1-4 5-6 9-5-1 4-4 6-9 5z" />
        <circle class="flesh" cx="16" cy="19" r="11" />
        <path class="tick" d="M10.5 19.5l4 4 7-8" />
      </svg>`
    : svg`<svg class="fruit-icon bud" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <path class="leaf" d="M16 11c1-4 5-6 9-5-1 4-4 6-9 5z" />
        <circle class="bud-outline" cx="16" cy="20" r="6" />
      </svg>`;
}

/**
 * The trunk and roots under the crown, leaning a little so that a right-to-left page shows
 * it mirrored. Decoration only: everything it shows is in the text.
 */
const trunk = svg`<svg class="trunk" viewBox="0 0 240 90" preserveAspectRatio="xMidYMin meet" aria-hidden="true" focusable="false">
  <path class="wood" d="M104 0c4 26 0 50-10 70l-20 12h92l-20-12c-12-18-16-42-10-70z" />
  <path class="wood" d="M128 22c10-6 22-8 34-6-12 4-22 10-30 18z" />
  <path class="ground" d="M20 84h200" />
</svg>`;

function effortText(t: Translate, fruit: Fruit): string {
  return t(`${KEY}.effort.label.${fruit.effort}`);
}

export function renderChoose(view: ChooseView): TemplateResult {
  const { t, error } = view;
  const describedBy = ['fruit-hint', error ? 'fruit-error' : ''].filter(Boolean).join(' ');
  return html`
    <fieldset class="form-group choose ${error ? 'has-error' : ''}" aria-describedby=${describedBy}>
      <legend part="label" class="heading" id="choose-heading" tabindex="-1">${view.question}</legend>
      <p class="hint" id="fruit-hint">${t(`${KEY}.hint`)}</p>
      ${errorMessage('fruit-error', view.errorPrefix, error)}
      <div class="choose-controls">${renderFilter(view)} ${renderViewSwitch(view)}</div>
      <p class="hint chosen-count" aria-hidden="true">${t(`${KEY}.chosenCount`, { count: view.chosen.size })}</p>
      ${view.view === 'tree' ? renderTree(view) : renderList(view)}
      ${
        view.hiddenCount > 0
          ? html`<p class="hint hidden-count">${t(`${KEY}.effort.hidden`, { count: view.hiddenCount })}</p>`
          : nothing
      }
    </fieldset>
  `;
}

function renderViewSwitch(view: ChooseView): TemplateResult {
  const { t } = view;
  return html`
    <fieldset class="view-switch">
      <legend class="small-legend">${t(`${KEY}.viewLabel`)}</legend>
      <div class="inline-radios">
        ${VIEWS.map(
          (value) => html`
            <label class="inline-radio">
              <input
                type="radio"
                name="view"
                value=${value}
                .checked=${live(view.view === value)}
                @change=${() => {
                  view.setView(value);
                }}
              />
              ${t(value === 'tree' ? `${KEY}.viewTree` : `${KEY}.viewList`)}
            </label>
          `,
        )}
      </div>
    </fieldset>
  `;
}

function renderFilter(view: ChooseView): TemplateResult {
  const { t } = view;
  return html`
    <fieldset class="effort-filter" aria-describedby="effort-hint">
      <legend class="small-legend">${t(`${KEY}.effort.legend`)}</legend>
      <p class="hint" id="effort-hint">${t(`${KEY}.effort.hint`)}</p>
      <div class="inline-radios">
        ${FILTERS.map(
          (value) => html`
            <label class="inline-radio">
              <input
                type="radio"
                name="effort"
                value=${value}
                .checked=${live(view.filter === value)}
                @change=${() => {
                  view.setFilter(value);
                }}
              />
              ${t(`${KEY}.effort.${value}`)}
            </label>
          `,
        )}
      </div>
    </fieldset>
  `;
}

function shownBranches(view: ChooseView): { branch: Branch; fruits: Fruit[] }[] {
  return view.branches
    .map((branch) => ({ branch, fruits: branch.fruits.filter((fruit) => view.visible(fruit)) }))
    .filter(({ fruits }) => fruits.length > 0);
}

/** The illustrated view: branches side by side in a crown over a trunk; fruits are toggles. */
function renderTree(view: ChooseView): TemplateResult {
  return html`
    <div class="tree-view">
      <div class="crown">
        ${shownBranches(view).map(
          ({ branch, fruits }, index) => html`
            <section class="bough" aria-labelledby="bough-${index}">
              <h3 class="bough-label" id="bough-${index}">${branch.label}</h3>
              <ul class="fruits">
                ${fruits.map((fruit) => renderTreeFruit(view, fruit))}
              </ul>
            </section>
          `,
        )}
      </div>
      ${trunk}
    </div>
  `;
}

function renderTreeFruit(view: ChooseView, fruit: Fruit): TemplateResult {
  const { t } = view;
  const id = view.idOf(fruit);
  const ripe = view.chosen.has(fruit.value);
  const describedBy = [`${id}-effort`, fruit.description ? `${id}-description` : ''].filter(Boolean).join(' ');
  return html`
    <li class="fruit-item ${ripe ? 'is-ripe' : ''}">
      <button
        part="button fruit"
        type="button"
        class="fruit"
        id=${id}
        aria-pressed=${ripe ? 'true' : 'false'}
        aria-describedby=${describedBy}
        @click=${() => {
          view.toggle(fruit.value);
        }}
      >
        ${fruitIcon(ripe)}
        <span class="fruit-label">${fruit.label}</span>
        <span class="fruit-state" aria-hidden="true">${t(ripe ? `${KEY}.chosenState` : `${KEY}.notChosenState`)}</span>
      </button>
      <p class="fruit-effort" id="${id}-effort">${effortText(t, fruit)}</p>
      ${fruit.description ? html`<p class="fruit-description" id="${id}-description">${fruit.description}</p>` : nothing}
      ${fruit.info ? renderInfo(t, `${id}-info`, fruit.label, fruit.info) : nothing}
    </li>
  `;
}

/** The plain view: a fieldset per branch and a native checkbox per fruit. */
function renderList(view: ChooseView): TemplateResult {
  return html`
    <div class="list-view">
      ${shownBranches(view).map(
        ({ branch, fruits }) => html`
          <fieldset class="branch">
            <legend class="branch-legend">${branch.label}</legend>
            <div class="checkboxes">${fruits.map((fruit) => renderListFruit(view, fruit))}</div>
          </fieldset>
        `,
      )}
    </div>
  `;
}

function renderListFruit(view: ChooseView, fruit: Fruit): TemplateResult {
  const { t } = view;
  const id = view.idOf(fruit);
  return html`
    <div class="checkbox">
      <input
        part="input"
        type="checkbox"
        id=${id}
        value=${fruit.value}
        aria-describedby="${id}-hint"
        .checked=${live(view.chosen.has(fruit.value))}
        @change=${() => {
          view.toggle(fruit.value);
        }}
      />
      <label for=${id}>${fruit.label}</label>
      <p class="hint checkbox-hint" id="${id}-hint">
        ${fruit.description ? html`${fruit.description} ` : nothing}<span class="effort-tag"
          >${effortText(t, fruit)}</span
        >
      </p>
      ${fruit.info ? renderInfo(t, `${id}-info`, fruit.label, fruit.info) : nothing}
    </div>
  `;
}
