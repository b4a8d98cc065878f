import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { LIMITS, RANKING_MODES, SLUG_PATTERN } from '@participate/schema/vocabulary';
import type { PairwiseComparison, PriorityRankingAnswer, PriorityRankingResponse } from '@participate/schema';
import { ParticipateElement } from '../shared/participate-element.js';
import type { AuthorNote } from '../shared/console.js';
import type { ParticipateOption } from '../shared/options.js';
import { formStyles, tokens } from '../shared/styles.js';
import { botCheckStyles } from '../shared/bot-check.js';
import { SubmitController } from '../shared/submission/submit-controller.js';
import { failurePanel, outcomePanel } from '../shared/panels.js';
import { errorSummary } from '../shared/error-summary.js';
import { DeferredDraftStore } from '../shared/submission/deferred-draft-store.js';
import { newId } from '../shared/submission/uuid.js';
import { announce, type Translate } from './announcements.js';
import { GrabController, type GrabChange } from './grab-controller.js';
import { DragController, type DragEnd } from './drag-controller.js';
import { renderRank, renderTop, type OrderView, type TopView } from './order-modes.js';
import { LightDomController } from '../shared/light-dom-controller.js';
import { readOptions } from '../shared/options.js';
import { addToTop, canMove, moveBy, removeFromTop, restoredSubset, sameValues, shuffled } from './ranking-model.js';
import { addEnglish } from '../shared/i18n.js';
import { priorityRanking } from '../locales/en.json';
import { priorityRankingStyles } from './priority-ranking.styles.js';
import { pointsAnswer, pointsProblems, spent, stepFor, stepped, type PointsProblem } from './points-model.js';
import { leftText, pointsFieldErrors, renderPoints } from './points-mode.js';
import { pairCount, restoredPairs, roundsFor, schedulePairs, type Pair } from './pair-schedule.js';
import { choiceAnnouncement, pairwiseFinished, renderPairwise, type PairwiseChoice } from './pairwise-mode.js';

type ReadyMode = (typeof RANKING_MODES)[number];

/** Where the person is, kept as a draft so that a reload loses nothing. */
interface RankingState {
  /** Every option's value, in the order first shown to this person. */
  shown: string[];
  shuffled: boolean;
  /** Rank mode: every value, most important first. */
  order: string[];
  /** Top mode: the values chosen, most important first. */
  top: string[];
  /** Points mode: what is in each option's box, exactly as typed. */
  points: Record<string, string>;
  /** Pairwise mode: the pairs to show, in order, scheduled once per person. */
  pairs: Pair[];
  /** Pairwise mode: the answers so far, in the order the pairs were shown. */
  comparisons: PairwiseComparison[];
  /** Pairwise mode: the person stopped before the last pair. */
  stopped: boolean;
}

/** A draft as read back: storage may hold anything, so every field is checked before use. */
type SavedState = { [K in keyof RankingState]?: unknown };

const DEFAULT_MAX = 3;
const DEFAULT_BUDGET = 100;
const CHOICES: readonly string[] = ['a', 'b', 'cant-decide'];
const EMPTY: RankingState = {
  shown: [],
  shuffled: false,
  order: [],
  top: [],
  points: {},
  pairs: [],
  comparisons: [],
  stopped: false,
};
const VALUE_PATTERN = new RegExp(SLUG_PATTERN);

/**
 * @summary Asks people what matters most to them — putting every option in order (`rank`),
 * choosing and ordering a top few (`top`), sharing out a budget of points (`points`), or
 * choosing between two options at a time (`pairwise`) — with buttons or the keyboard, never
 * needing to drag (though options may be dragged by their handle with a mouse or finger), and
 * sends the answer to the configured endpoint, or keeps it on the device until it can.
 *
 * Attributes by mode: `max` (top); `budget`, `must-spend-all` and `step` (points);
 * `rounds` (pairwise). `shuffle` works in every mode.
 *
 * @slot - The options, as `<participate-option value="gp-access">Easier GP appointments
 *   <span slot="description">…</span></participate-option>` children, plus the fallback shown
 *   when JavaScript does not run or the widget is misconfigured (a link to a plain form).
 *
 * @csspart base - The widget's outer box; carries its `lang` and `dir`.
 * @csspart form - The form.
 * @csspart label - The question.
 * @csspart list - Each ordered list of options.
 * @csspart item - Each option in a list.
 * @csspart button - Every button.
 * @csspart handle - The button that picks an option up for moving with the keyboard.
 * @csspart input - Each points box (points mode).
 * @csspart message - The sent, saved or failed panel.
 * @csspart error-summary - The list of problems shown after a failed check.
 *
 * @cssproperty --participate-priority-ranking-background - Background of the widget (default: the surface colour).
 * @cssproperty --participate-priority-ranking-padding - Space inside the widget.
 * @cssproperty --participate-priority-ranking-border-width - Border around the widget (default 0).
 * @cssproperty --participate-priority-ranking-border-color - Colour of that border.
 * @cssproperty --participate-priority-ranking-item-background - Background of each option (default: the background colour).
 * @cssproperty --participate-priority-ranking-grabbed-background - Background of the option being moved.
 *
 * @event participate-submit - Before sending; cancelable. `detail.payload` is the response.
 * @event participate-sent - The endpoint accepted the response. `detail: { id, payload, fromOutbox }`.
 * @event participate-queued - Saved on this device to send later. `detail: { id, payload }`.
 * @event participate-error - Not sent. `detail: { id, payload, status?, message?, retryable }`.
 */
export class ParticipatePriorityRanking extends ParticipateElement {
  static override styles = [tokens, formStyles, botCheckStyles, priorityRankingStyles];

  static {
    addEnglish({ priorityRanking });
  }

  static override properties: PropertyDeclarations = {
    mode: {},
    max: { type: Number },
    budget: { type: Number },
    mustSpendAll: { type: Boolean, attribute: 'must-spend-all' },
    step: { type: Number },
    rounds: { type: Number },
    shuffle: { type: Boolean },
    question: {},
    options: { attribute: false },
    state: { state: true, attribute: false },
    error: { state: true, attribute: false },
    full: { state: true, attribute: false },
    pointsErrors: { state: true, attribute: false },
    done: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  /**
   * `rank` (default): put every option in order; `top`: choose up to `max` and order them;
   * `points`: share out `budget` points; `pairwise`: choose the one that matters more, two
   * options at a time, for `rounds` pairs.
   */
  mode = 'rank';

  /** In `top` mode, how many may be chosen (default 3; at most the number of options). */
  max = DEFAULT_MAX;

  /** In `points` mode, how many points there are to share out (default 100; whole, 1 to 10,000). */
  budget = DEFAULT_BUDGET;

  /** In `points` mode, every point must be given before the answer can be sent. */
  mustSpendAll = false;

  /**
   * In `points` mode, how many points − and + take away or add. Default: a tenth of the
   * budget (10 of 100), so a few presses share out the budget; people can type any number.
   */
  step: number | undefined;

  /**
   * In `pairwise` mode, how many pairs to show: default 15, or every pair when there are fewer
   * (n·(n−1)/2 for n options); at most 200. People may stop sooner.
   */
  rounds: number | undefined;

  /** Shows the options in a random order for each person, so position does not sway answers. */
  shuffle = false;

  /** Replaces the question, "Which of these matters most to you?". */
  question: string | undefined;

  /** The options; defaults to the `<participate-option>` children. Labels are shown as text. */
  options: ParticipateOption[] | undefined;

  private state: RankingState = { ...EMPTY };
  /** Points mode: the problems found when the person last tried to send. */
  private pointsErrors: PointsProblem[] = [];
  private error: string | undefined;
  /** Whether to show that the top list is full, after someone tried to add one more. */
  private full = false;
  private done = false;
  private announcement = '';

  private readonly submission = new SubmitController(this);
  private readonly grab = new GrabController(this, {
    order: () => this.list,
    reorder: (order) => {
      this.setList(order);
    },
    changed: (change) => {
      this.afterGrab(change);
    },
  });
  private readonly drag = new DragController(this, {
    order: () => this.list,
    reorder: (order) => {
      this.setList(order);
    },
    rows: () => [...this.renderRoot.querySelectorAll<HTMLElement>('.ranking > li')],
    starting: () => {
      if (this.grab.grabbed !== undefined) this.grab.release();
    },
    ended: (end) => {
      this.afterDrag(end);
    },
  });
  private drafts: DeferredDraftStore<SavedState> | undefined;
  private draftScope = '';
  /** The `<participate-option>` children, kept current. */
  private readonly optionChildren = new LightDomController<ParticipateOption[]>(
    this,
    readOptions,
    ['value', 'slot'],
    [],
  );
  /** True while the widget moves focus itself (after a render). */
  private movingFocus = false;
  private optionIndex: { list: ParticipateOption[]; byValue: Map<string, ParticipateOption> } | undefined;
  private lastStatus = this.submission.status;

  /** Renders each mode. */
  private readonly renderers: Record<ReadyMode, () => TemplateResult> = {
    rank: () => renderRank(this.orderView(), this.state.order),
    top: () => renderTop(this.topView()),
    points: () => renderPoints(this.pointsView()),
    pairwise: () => renderPairwise(this.pairwiseView()),
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Removed from the page (a single-page app moving on): keep what the person did.
    this.drafts?.flush();
  }

  // ----- Configuration ------------------------------------------------------------------

  private get optionList(): ParticipateOption[] {
    return this.options ?? this.optionChildren.value;
  }

  private get readyMode(): ReadyMode {
    return (RANKING_MODES as readonly string[]).includes(this.mode) ? (this.mode as ReadyMode) : 'rank';
  }

  /** The points to share out: `budget` when it is a whole number from 1 to 10,000, else 100. */
  private get pointsBudget(): number {
    const { budget } = this;
    return Number.isInteger(budget) && budget >= 1 && budget <= LIMITS.pointsBudget ? budget : DEFAULT_BUDGET;
  }

  /** The pairs to show in `pairwise` mode. */
  private get pairRounds(): number {
    return roundsFor(this.optionList.length, this.rounds, LIMITS.pairwiseComparisonCount);
  }

  /** The most that may be chosen in `top` mode: `max`, kept between 1 and the number of options. */
  private get topMax(): number {
    const wanted = Number.isInteger(this.max) && this.max >= 1 ? this.max : DEFAULT_MAX;
    return Math.min(wanted, Math.max(this.optionList.length, 1));
  }

  protected override checkConfiguration(): AuthorNote[] {
    const problems = super.checkConfiguration();
    if (!(RANKING_MODES as readonly string[]).includes(this.mode)) {
      problems.push({ code: 'mode-invalid', value: this.mode, allowed: RANKING_MODES });
    }
    const options = this.optionList;
    if (options.length < 2) problems.push({ code: 'options-too-few', count: options.length });
    if (options.length > LIMITS.rankingOptionCount) {
      problems.push({ code: 'options-too-many', count: options.length, limit: LIMITS.rankingOptionCount });
    }
    const seen = new Set<string>();
    for (const { value } of options) {
      if (value.length > LIMITS.valueLength || !VALUE_PATTERN.test(value)) {
        problems.push({ code: 'option-value-invalid', value });
      } else if (seen.has(value)) problems.push({ code: 'option-duplicate', value });
      seen.add(value);
    }
    return problems;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.problems.length > 0) return;
    this.prepare();
    if (this.readyMode === 'top' && (changed.has('max') || changed.has('options'))) {
      this.checkMax();
      // A smaller `max` set from script: keep the first choices, so the answer stays valid.
      if (this.state.top.length > this.topMax)
        this.state = { ...this.state, top: this.state.top.slice(0, this.topMax) };
    }
    if (this.readyMode === 'points' && (changed.has('budget') || changed.has('step'))) this.checkPoints();
    if (this.readyMode === 'pairwise' && (changed.has('rounds') || changed.has('options'))) this.checkRounds();
  }

  /** Tells the web team when `budget` or `step` could not be used as given. */
  private checkPoints(): void {
    const budget = this.pointsBudget;
    if (budget !== this.budget) {
      const value = this.getAttribute('budget') ?? String(this.budget);
      this.warn({ code: 'budget-adjusted', value, used: budget, limit: LIMITS.pointsBudget });
    }
    const step = stepFor(this.step, budget);
    if (this.step !== undefined && step !== this.step) {
      this.warn({ code: 'step-adjusted', value: this.getAttribute('step') ?? String(this.step), used: step });
    }
  }

  /** Tells the web team when `rounds` could not be used as given. */
  private checkRounds(): void {
    const used = this.pairRounds;
    if (this.rounds !== undefined && used !== this.rounds) {
      const value = this.getAttribute('rounds') ?? String(this.rounds);
      this.warn({ code: 'rounds-adjusted', value, used, pairs: pairCount(this.optionList.length) });
    }
  }

  private checkMax(): void {
    const given = this.getAttribute('max') ?? String(this.max);
    const adjusted = this.topMax !== this.max;
    if (adjusted && (this.hasAttribute('max') || this.max !== DEFAULT_MAX)) {
      this.warn({ code: 'max-adjusted', value: given, used: this.topMax });
    }
  }

  // ----- State and draft ----------------------------------------------------------------

  /**
   * Sets up the order first shown (shuffled once per person when asked), or restores the
   * person's draft when it still fits the options. Does nothing while nothing relevant changed.
   */
  private prepare(): void {
    const values = this.optionList.map((option) => option.value);
    const mode = this.readyMode;
    const scope = `priority-ranking|${this.endpoint}|${this.topic}|${mode}${mode === 'pairwise' ? `|${String(this.pairRounds)}` : ''}`;
    if (scope === this.draftScope && sameValues(this.state.shown, values)) return;
    this.draftScope = scope;
    this.drafts?.flush();
    this.drafts = new DeferredDraftStore<SavedState>(scope);
    if (this.grab.grabbed !== undefined) this.grab.release();
    this.error = undefined;
    this.full = false;
    this.pointsErrors = [];
    const saved = this.drafts.load();
    const shown = restoredSubset(saved?.shown, values);
    if (saved && shown && sameValues(shown, values)) {
      const order = restoredSubset(saved.order, values);
      const pairs = restoredPairs(saved.pairs, values, this.pairRounds);
      this.state = {
        ...EMPTY,
        shown,
        shuffled: saved.shuffled === true,
        order: order?.length === values.length ? order : [...shown],
        top: (restoredSubset(saved.top, values) ?? []).slice(0, this.topMax),
        points: restoredEntries(saved.points, values),
        pairs: pairs ?? schedulePairs(shown, this.pairRounds),
        comparisons: pairs ? restoredComparisons(saved.comparisons, pairs) : [],
        stopped: pairs !== undefined && saved.stopped === true,
      };
      return;
    }
    const first = this.shuffle ? shuffled(values) : values;
    this.state = {
      ...EMPTY,
      shown: [...first],
      shuffled: this.shuffle,
      order: [...first],
      pairs: mode === 'pairwise' ? schedulePairs(first, this.pairRounds) : [],
    };
  }

  private edit(change: Partial<RankingState>): void {
    this.state = { ...this.state, ...change };
    this.drafts?.saveSoon(this.state);
    // A response that was not sent or kept no longer says what the person thinks: "Try again"
    // would send the old order. Send sends the new one, as a new response.
    const { status } = this.submission;
    if (status === 'failed' || status === 'rejected') this.submission.reset();
  }

  /** The list that moves: every option in `rank` mode, the chosen ones in `top` mode. */
  private get list(): readonly string[] {
    return this.readyMode === 'top' ? this.state.top : this.state.order;
  }

  private setList(list: string[]): void {
    this.edit(this.readyMode === 'top' ? { top: list } : { order: list });
  }

  private option(value: string): ParticipateOption {
    const list = this.optionList;
    // Every row looks its option up on every render: by value, not by searching the list.
    if (this.optionIndex?.list !== list) {
      this.optionIndex = { list, byValue: new Map(list.map((option) => [option.value, option])) };
    }
    return this.optionIndex.byValue.get(value) ?? { value, label: value };
  }

  private label(value: string): string {
    return this.option(value).label;
  }

  // ----- Interaction --------------------------------------------------------------------

  private get t(): Translate {
    return (key, options) => this.localize.t(key, options);
  }

  private announce(text: string): void {
    // Set in the same render as the change it describes: one render per move, not two. A
    // repeat of the same words must still change the region to be read again, so it gains
    // an unspoken no-break space at the end.
    this.announcement = text === this.announcement ? `${text}\u00A0` : text;
  }

  private afterGrab({ step, value, index, total, keepFocus }: GrabChange): void {
    this.announce(announce[step](this.t, { label: this.label(value), index, total }));
    const handle = `${this.itemSelector(value)} .handle`;
    // Rows move around the focused one, so its handle keeps focus; focusing it again would
    // still cost a style and layout pass on every move.
    if (keepFocus && !this.shadowRoot?.activeElement?.matches(handle)) this.focusAfterRender(handle);
  }

  private afterDrag({ step, value, index, total }: DragEnd): void {
    this.announce(announce[step](this.t, { label: this.label(value), index, total }));
    this.focusAfterRender(`${this.itemSelector(value)} .handle`);
  }

  /**
   * A held option is dropped where it is when focus moves on (Tab, a click elsewhere). Checked
   * after the render in progress, which may move the option and put focus back on it.
   */
  private onHandleBlur(value: string): void {
    if (!this.grab.isGrabbed(value)) return;
    void this.updateComplete.then(() => {
      const active = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
      if (!active?.matches(`${this.itemSelector(value)} .handle`)) this.grab.focusLeft(value);
    });
  }

  /** Up or Down: one place, then focus stays on the moved option. */
  private moveButton(value: string, by: -1 | 1): void {
    if (this.grab.grabbed !== undefined) this.grab.release();
    const list = moveBy(this.list, value, by);
    this.setList(list);
    const index = list.indexOf(value);
    this.announce(announce.moved(this.t, { label: this.label(value), index, total: list.length }));
    // The same button again if it is still there, so pressing on keeps moving; else its twin.
    const again = canMove(list, value, by);
    const [same, other] = by < 0 ? ['.move-up', '.move-down'] : ['.move-down', '.move-up'];
    this.focusAfterRender(`${this.itemSelector(value)} ${again ? same : other}`);
  }

  private itemSelector(value: string): string {
    return `li[data-value="${CSS.escape(value)}"]`;
  }

  /** Top mode: adds an option to the person's choices, or takes it out again. */
  private toggleChoice(value: string): void {
    const { top } = this.state;
    const max = this.topMax;
    if (top.includes(value)) {
      this.removeChoice(value);
      return;
    }
    if (top.length >= max) {
      this.full = true;
      this.announce(announce.full(this.t, max));
      return;
    }
    const next = addToTop(top, value, max);
    this.edit({ top: next });
    this.error = undefined;
    this.announce(
      announce.added(this.t, { label: this.label(value), index: next.length - 1, total: next.length }, max),
    );
    this.focusAfterRender(`#${this.toggleId(value)}`);
  }

  private removeChoice(value: string): void {
    if (this.grab.isGrabbed(value)) this.grab.release();
    const next = removeFromTop(this.state.top, value);
    this.edit({ top: next });
    this.full = false;
    this.announce(announce.removed(this.t, this.label(value), next.length, this.topMax));
    // Focus goes to (or stays on) the option's Add button, which says it is out again; the
    // Remove button it may have come from has gone with the option.
    this.focusAfterRender(`#${this.toggleId(value)}`);
  }

  private toggleId(value: string): string {
    return `toggle-${String(this.state.shown.indexOf(value))}`;
  }

  private answer(): PriorityRankingAnswer {
    const { shown, order, top } = this.state;
    const base = { shown: [...shown], shuffled: this.state.shuffled };
    switch (this.readyMode) {
      case 'top':
        return { mode: 'top', ...base, max: this.topMax, top: [...top] };
      case 'points':
        return {
          mode: 'points',
          ...base,
          budget: this.pointsBudget,
          mustSpendAll: this.mustSpendAll,
          points: pointsAnswer(this.state.points, shown),
        };
      case 'pairwise': {
        const { comparisons, pairs } = this.state;
        return {
          mode: 'pairwise',
          ...base,
          comparisons: comparisons.map(({ a, b, choice }) => ({ a, b, choice })),
          stoppedEarly: comparisons.length < pairs.length,
        };
      }
      case 'rank':
        return { mode: 'rank', ...base, order: [...order] };
    }
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.submission.status === 'sending') return;
    if (this.grab.grabbed !== undefined) this.grab.release();
    if (this.readyMode === 'top' && this.state.top.length === 0) {
      this.error = this.localize.t('priorityRanking.top.required');
      this.focusAfterRender('.error-summary');
      return;
    }
    if (this.readyMode === 'points') {
      this.pointsErrors = pointsProblems(this.state.points, this.state.shown, this.pointsBudget, this.mustSpendAll);
      if (this.pointsErrors.length > 0) {
        this.focusAfterRender('.error-summary');
        return;
      }
    }
    if (this.readyMode === 'pairwise' && this.state.comparisons.length === 0) return;
    this.error = undefined;
    const endpoint = this.endpointUrl();
    if (!endpoint) return;
    const payload: PriorityRankingResponse = {
      ...this.envelope(),
      id: newId(),
      widget: 'priority-ranking',
      submittedAt: new Date().toISOString(),
      answer: this.answer(),
    };
    this.announce(this.localize.t('priorityRanking.status.sending'));
    const status = await this.submission.send(endpoint, payload);
    if (status === 'cancelled') return;
    this.announce(this.statusText());
    if (status === 'sent' || status === 'queued') this.finish();
    else this.focusAfterRender('.panel-heading');
  }

  /** Trying again sends the very same response, so the endpoint stores it once. */
  private async tryAgain(): Promise<void> {
    const endpoint = this.endpointUrl();
    const { payload } = this.submission;
    if (!endpoint || !payload || this.submission.status === 'sending') return;
    this.announce(this.localize.t('priorityRanking.status.sending'));
    const status = await this.submission.send(endpoint, payload);
    this.announce(this.statusText());
    if (status === 'sent' || status === 'queued') this.finish();
    else this.focusAfterRender('.panel-heading');
  }

  private finish(): void {
    this.done = true;
    this.drafts?.clear();
    this.focusAfterRender('.panel-heading');
  }

  private statusText(): string {
    const { status } = this.submission;
    return status === 'idle' ? '' : this.localize.t(`priorityRanking.status.${status}`);
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The base moves focus here; moving it can make a points box fire `change`, which is not the person's doing.
    this.movingFocus = true;
    super.updated(changed);
    this.movingFocus = false;
    // A response that waited on this device has now gone: say so.
    const status = this.submission.status;
    if (status === 'sent' && this.lastStatus === 'queued') {
      this.announce(this.localize.t('priorityRanking.status.queuedThenSent'));
    }
    this.lastStatus = status;
  }

  // ----- Rendering ----------------------------------------------------------------------

  protected override renderWidget(): TemplateResult {
    const { lang, dir } = this.localize;
    return html`
      <section
        part="base"
        class="base"
        lang=${lang}
        dir=${dir}
        aria-label=${this.localize.t('priorityRanking.regionLabel')}
      >
        ${this.done ? this.renderPanel() : this.renderForm()}
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </section>
    `;
  }

  private renderPanel(): TemplateResult {
    return outcomePanel((key) => this.localize.t(key), 'priorityRanking', this.submission);
  }

  private renderForm(): TemplateResult {
    const sending = this.submission.status === 'sending';
    const errors =
      this.readyMode === 'points'
        ? pointsFieldErrors({
            t: this.t,
            values: this.state.shown,
            option: (v) => this.option(v),
            problems: this.pointsErrors,
          })
        : this.error
          ? [{ target: this.toggleId(this.state.shown[0] ?? ''), message: this.error }]
          : [];
    // Pairwise mode sends from its finished screen; until then the pair buttons are the form.
    const canSend = this.readyMode !== 'pairwise' || pairwiseFinished(this.state);
    return html`
      ${this.renderFailure()} ${errorSummary(this.localize.t('common.errorSummaryTitle'), errors)}
      <form part="form" novalidate @submit=${this.onSubmit}>
        ${this.renderers[this.readyMode]()}
        <p class="visually-hidden" id="handle-hint">${this.localize.t('priorityRanking.handleHint')}</p>
        ${
          canSend
            ? html`<div class="actions">
                <button part="button" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
                  ${this.localize.t('common.send')}
                </button>
              </div>`
            : nothing
        }
      </form>
    `;
  }

  private questionText(): string {
    const key = this.readyMode === 'pairwise' ? 'priorityRanking.pairwise.question' : 'priorityRanking.question';
    return this.question ?? this.localize.t(key);
  }

  // ----- Points mode ----------------------------------------------------------------------

  private pointsView(): Parameters<typeof renderPoints>[0] {
    const budget = this.pointsBudget;
    return {
      t: this.t,
      question: this.questionText(),
      values: this.state.shown,
      option: (value) => this.option(value),
      entries: this.state.points,
      budget,
      step: stepFor(this.step, budget),
      mustSpendAll: this.mustSpendAll,
      problems: this.pointsErrors,
      input: (value, raw) => {
        this.edit({ points: { ...this.state.points, [value]: raw } });
      },
      commit: () => {
        // Said when a box is left or Enter pressed, not on every key, so a screen reader is not flooded.
        if (!this.movingFocus && !this.done) this.announce(this.pointsLeftText());
      },
      stepBy: (value, by) => {
        const { points, shown } = this.state;
        const next = stepped(points, shown, value, by, budget);
        this.edit({ points: { ...points, [value]: String(next) } });
        const set = this.localize.t('priorityRanking.points.announceSet', { label: this.label(value), count: next });
        this.announce(`${set} ${this.pointsLeftText()}.`);
      },
    };
  }

  private pointsLeftText(): string {
    return leftText(this.t, this.pointsBudget - spent(this.state.points, this.state.shown));
  }

  // ----- Pairwise mode --------------------------------------------------------------------

  private pairwiseView(): Parameters<typeof renderPairwise>[0] {
    const { pairs, comparisons, stopped } = this.state;
    return {
      t: this.t,
      question: this.questionText(),
      option: (value) => this.option(value),
      pairs,
      comparisons,
      stopped,
      choose: (choice) => {
        this.choosePair(choice);
      },
      stop: () => {
        this.edit({ stopped: true });
        this.announce(
          this.localize.t('priorityRanking.pairwise.stoppedHeading', {
            count: comparisons.length,
            total: pairs.length,
          }),
        );
        this.focusAfterRender('#pairs-done');
      },
      undo: () => {
        const previous = comparisons.slice(0, -1);
        this.edit({ comparisons: previous, stopped: false });
        const position = previous.length + 1;
        const undone = this.localize.t('priorityRanking.pairwise.announce.undone');
        const next = this.localize.t('priorityRanking.pairwise.announce.next', { position, total: pairs.length });
        this.announce(`${undone} ${next}`);
        this.focusAfterRender('#pair-a');
      },
      carryOn: () => {
        this.edit({ stopped: false });
        const position = comparisons.length + 1;
        this.announce(this.localize.t('priorityRanking.pairwise.announce.next', { position, total: pairs.length }));
        this.focusAfterRender('#pair-a');
      },
    };
  }

  private choosePair(choice: PairwiseChoice): void {
    const { pairs, comparisons } = this.state;
    const pair = pairs[comparisons.length];
    if (!pair || this.submission.status === 'sending') return;
    const [a, b] = pair;
    const next = [...comparisons, { a, b, choice }];
    this.edit({ comparisons: next });
    const chosen = choice === 'cant-decide' ? undefined : this.label(choice === 'a' ? a : b);
    this.announce(choiceAnnouncement(this.t, chosen, next.length + 1, pairs.length));
    this.focusAfterRender(next.length < pairs.length ? '#pair-a' : '#pairs-done');
  }

  // ----- Rank and top modes ---------------------------------------------------------------

  private orderView(): OrderView {
    return {
      t: this.t,
      question: this.questionText(),
      option: (value) => this.option(value),
      wording: this.localize.revision,
      held: this.grab.grabbed,
      dragging: this.drag.dragging,
      dropAt: this.drag.target,
      handleClick: (value) => {
        if (!this.drag.takeClick()) this.grab.toggle(value);
      },
      handlePointerdown: (event, value) => {
        this.drag.pointerdown(event, value);
      },
      handleKeydown: (event, value) => {
        this.grab.keydown(event, value);
      },
      handleBlur: (value) => {
        this.onHandleBlur(value);
      },
      move: (value, by) => {
        this.moveButton(value, by);
      },
    };
  }

  private topView(): TopView {
    return {
      ...this.orderView(),
      shown: this.state.shown,
      top: this.state.top,
      max: this.topMax,
      full: this.full,
      error: this.error,
      errorPrefix: this.localize.t('common.errorPrefix'),
      toggleId: (value) => this.toggleId(value),
      toggle: (value) => {
        this.toggleChoice(value);
      },
      remove: (value) => {
        this.removeChoice(value);
      },
    };
  }

  private renderFailure(): TemplateResult | typeof nothing {
    const { status } = this.submission;
    if (status !== 'failed' && status !== 'rejected') return nothing;
    return failurePanel(
      this.localize.t('priorityRanking.failedHeading'),
      this.statusText(),
      this.localize.t('common.tryAgain'),
      () => void this.tryAgain(),
    );
  }
}

/** Points typed before a reload: text for options still offered, anything else dropped. */
function restoredEntries(saved: unknown, values: readonly string[]): Record<string, string> {
  if (typeof saved !== 'object' || saved === null) return {};
  const entries: Record<string, string> = {};
  for (const value of values) {
    const raw = (saved as Record<string, unknown>)[value];
    if (typeof raw === 'string') entries[value] = raw.slice(0, 20);
  }
  return entries;
}

/** Answers given before a reload, kept while each still matches the pair shown at its place. */
function restoredComparisons(saved: unknown, pairs: readonly Pair[]): PairwiseComparison[] {
  if (!Array.isArray(saved)) return [];
  const kept: PairwiseComparison[] = [];
  for (const [index, entry] of (saved as unknown[]).entries()) {
    const pair = pairs[index];
    if (!pair || typeof entry !== 'object' || entry === null) break;
    const { a, b, choice } = entry as Record<string, unknown>;
    if (a !== pair[0] || b !== pair[1] || typeof choice !== 'string' || !CHOICES.includes(choice)) break;
    kept.push({ a: pair[0], b: pair[1], choice: choice as PairwiseChoice });
  }
  return kept;
}
