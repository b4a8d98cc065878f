import { html, nothing, svg, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { ParticipateOption } from '../shared/options.js';
import { errorMessage } from '../shared/error-summary.js';
import { repeatAroundFocus } from '../shared/repeat-around-focus.js';
import type { Translate } from './announcements.js';

/** What the `rank` and `top` templates need from the element: its state, words and actions. */
export interface OrderView {
  t: Translate;
  question: string;
  option: (value: string) => ParticipateOption;
  /** Changes whenever the words may have (language, overrides), so unchanged rows can be skipped. */
  wording: number;
  /** The option the keyboard holds, if any. */
  held: string | undefined;
  /** The option being dragged, if any, and where it would land (0-based). */
  dragging: string | undefined;
  dropAt: number;
  /** A handle was clicked, pressed on with a pointer, keyed on or left. */
  handleClick: (value: string) => void;
  handlePointerdown: (event: PointerEvent, value: string) => void;
  handleKeydown: (event: KeyboardEvent, value: string) => void;
  handleBlur: (value: string) => void;
  move: (value: string, by: -1 | 1) => void;
}

/** What `top` mode adds: the choices, the limit and the one error it can have. */
export interface TopView extends OrderView {
  shown: readonly string[];
  top: readonly string[];
  max: number;
  /** The person tried to add one more than `max`. */
  full: boolean;
  error: string | undefined;
  errorPrefix: string;
  toggleId: (value: string) => string;
  toggle: (value: string) => void;
  remove: (value: string) => void;
}

const KEY = 'priorityRanking';

/** Three bars: the handle's picture. Hidden from assistive technology; the button has a name. */
const grip = svg`<svg class="grip" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
  <path d="M2 4h12M2 8h12M2 12h12" stroke="currentColor" stroke-width="2" fill="none" />
</svg>`;

export function renderRank(view: OrderView, order: readonly string[]): TemplateResult {
  return html`
    <fieldset class="form-group" aria-describedby="rank-hint">
      <legend part="label" class="heading">${view.question}</legend>
      <p class="hint" id="rank-hint">${view.t(`${KEY}.rankHint`)}</p>
      ${renderOrderedList(view, order)}
    </fieldset>
  `;
}

export function renderTop(view: TopView): TemplateResult {
  const { t, max, top, shown, error } = view;
  const describedBy = ['top-hint', error ? 'top-error' : ''].filter(Boolean).join(' ');
  return html`
    <fieldset class="form-group ${error ? 'has-error' : ''}" aria-describedby=${describedBy}>
      <legend part="label" class="heading">${view.question}</legend>
      <p class="hint" id="top-hint">${t(`${KEY}.top.hint`, { count: max })}</p>
      ${errorMessage('top-error', view.errorPrefix, error)}
      <div class="chosen">
        <h3 class="subheading" id="top-heading">${t(`${KEY}.top.heading`, { count: max })}</h3>
        <p class="hint count">${t(`${KEY}.top.chosen`, { chosen: top.length, max })}</p>
        ${
          top.length > 0
            ? renderOrderedList(view, top, 'top-heading', (value) => renderRemove(view, value))
            : html`<p class="hint empty">${t(`${KEY}.top.none`)}</p>`
        }
        ${
          view.full && top.length >= max
            ? html`<p class="full-message" id="top-full">${t(`${KEY}.top.full`, { count: max })}</p>`
            : nothing
        }
      </div>
      <h3 class="subheading" id="all-heading">${t(`${KEY}.top.allOptions`)}</h3>
      <ul class="options" aria-labelledby="all-heading">
        ${shown.map((value) => renderChoice(view, value, top.includes(value), top.length >= max))}
      </ul>
    </fieldset>
  `;
}

/**
 * The list that moves. While an option is dragged, the row it would land before (or, at the
 * end, after) carries a line: the drop position, shown by shape, not colour alone.
 */
function renderOrderedList(
  view: OrderView,
  list: readonly string[],
  labelledBy?: string,
  extra?: (value: string) => TemplateResult,
): TemplateResult {
  const rest = list.filter((value) => value !== view.dragging);
  const moved = view.dragging !== undefined && list.indexOf(view.dragging) !== view.dropAt;
  const dropBefore = moved ? rest[view.dropAt] : undefined;
  const dropAfter = moved && view.dropAt >= rest.length ? rest[rest.length - 1] : undefined;
  const dropClass = (value: string) => (value === dropBefore ? 'drop-before' : value === dropAfter ? 'drop-after' : '');
  return html`
    <ol
      part="list"
      class="ranking ${view.dragging === undefined ? '' : 'is-dragging'}"
      aria-labelledby=${labelledBy ?? nothing}
    >
      ${repeatAroundFocus(
        list,
        (value) => value,
        // A move changes two rows of fifty: the rest are skipped, not rebuilt and compared.
        (value, index) =>
          guard(
            [
              view.option(value),
              index,
              list.length,
              view.held === value,
              view.dragging === value,
              dropClass(value),
              view.wording,
              extra !== undefined,
            ],
            () => renderItem(view, value, index, list.length, dropClass(value), extra?.(value)),
          ),
      )}
    </ol>
  `;
}

function renderItem(
  view: OrderView,
  value: string,
  index: number,
  total: number,
  dropClass: string,
  extra?: TemplateResult,
): TemplateResult {
  const { label, description } = view.option(value);
  const held = view.held === value;
  const dragged = view.dragging === value;
  return html`
    <li part="item" class="item ${held ? 'grabbed' : ''} ${dragged ? 'dragged' : ''} ${dropClass}" data-value=${value}>
      <span class="position" aria-hidden="true">${index + 1}</span>
      <span class="text">
        <span class="item-label">${label}</span>
        ${description ? html`<span class="item-description">${description}</span>` : nothing}
      </span>
      <span class="controls">
        <button
          part="button handle"
          type="button"
          class="handle secondary"
          aria-pressed=${held ? 'true' : 'false'}
          aria-label=${view.t(`${KEY}.handleLabel`, { label })}
          aria-describedby="handle-hint"
          @click=${() => {
            view.handleClick(value);
          }}
          @pointerdown=${(event: PointerEvent) => {
            view.handlePointerdown(event, value);
          }}
          @keydown=${(event: KeyboardEvent) => {
            view.handleKeydown(event, value);
          }}
          @blur=${() => {
            view.handleBlur(value);
          }}
        >
          ${grip}
        </button>
        ${index > 0 ? renderMove(view, value, label, -1) : html`<span class="move-spacer"></span>`}
        ${index < total - 1 ? renderMove(view, value, label, 1) : html`<span class="move-spacer"></span>`}
        ${extra ?? nothing}
      </span>
    </li>
  `;
}

function renderMove(view: OrderView, value: string, label: string, by: -1 | 1): TemplateResult {
  const up = by < 0;
  return html`
    <button
      part="button"
      type="button"
      class="secondary move ${up ? 'move-up' : 'move-down'}"
      aria-label=${view.t(up ? `${KEY}.moveUp` : `${KEY}.moveDown`, { label })}
      @click=${() => {
        view.move(value, by);
      }}
    >
      ${view.t(up ? `${KEY}.up` : `${KEY}.down`)}
    </button>
  `;
}

function renderRemove(view: TopView, value: string): TemplateResult {
  const { label } = view.option(value);
  return html`
    <button
      part="button"
      type="button"
      class="secondary remove"
      aria-label=${view.t(`${KEY}.top.removeLabel`, { label })}
      @click=${() => {
        view.remove(value);
      }}
    >
      ${view.t(`${KEY}.top.remove`)}
    </button>
  `;
}

function renderChoice(view: TopView, value: string, chosen: boolean, full: boolean): TemplateResult {
  const { label, description } = view.option(value);
  const blocked = !chosen && full;
  return html`
    <li class="option ${chosen ? 'is-chosen' : ''}">
      <span class="text">
        <span class="item-label">${label}</span>
        ${description ? html`<span class="item-description">${description}</span>` : nothing}
      </span>
      <button
        part="button"
        type="button"
        id=${view.toggleId(value)}
        class="secondary toggle"
        aria-label=${view.t(chosen ? `${KEY}.top.removeLabel` : `${KEY}.top.addLabel`, { label })}
        aria-disabled=${blocked ? 'true' : 'false'}
        aria-describedby=${blocked && view.full ? 'top-full' : nothing}
        @click=${() => {
          view.toggle(value);
        }}
      >
        ${view.t(chosen ? `${KEY}.top.remove` : `${KEY}.top.add`)}
      </button>
    </li>
  `;
}
