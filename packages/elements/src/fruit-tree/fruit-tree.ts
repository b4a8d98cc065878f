import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import {
  EFFORT_FILTERS,
  FRUIT_TREE_VIEWS,
  LIMITS,
  SLUG_PATTERN,
  type EffortFilter,
  type FruitTreeView,
} from '@participate/schema/vocabulary';
import type { FruitTreeResponse } from '@participate/schema';
import { ParticipateElement } from '../shared/participate-element.js';
import type { AuthorNote } from '../shared/console.js';
import { formStyles, tokens } from '../shared/styles.js';
import { botCheckStyles } from '../shared/bot-check.js';
import { SubmitController } from '../shared/submission/submit-controller.js';
import { outcomePanel } from '../shared/panels.js';
import { errorSummary, type FieldError } from '../shared/error-summary.js';
import { DeferredDraftStore } from '../shared/submission/deferred-draft-store.js';
import { newId } from '../shared/submission/uuid.js';
import { addEnglish } from '../shared/i18n.js';
import type { Translate } from '../shared/translate.js';
import { fruitTree } from '../locales/en.json';
import { readBranches, type BranchReading } from './branch-children.js';
import { LightDomController } from '../shared/light-dom-controller.js';
import {
  contactPayload,
  contactProblems,
  EMPTY_CONTACT,
  type ContactEntry,
  type ContactProblem,
} from './contact-model.js';
import { defaultTree } from './default-tree.js';
import { fruitTreeStyles } from './fruit-tree.styles.js';
import { InfoPopoverController } from './info-popover.js';
import { renderChoose } from './choose-views.js';
import { contactFieldErrors, renderCheck, renderContact } from './steps.js';
import {
  allFruits,
  choices,
  chosenByBranch,
  chosenFruits,
  isVisible,
  mergeTrees,
  needsContact,
  restoredChoices,
  type Branch,
  type Fruit,
} from './tree-model.js';

type Step = 'choose' | 'contact' | 'check';

/** What is kept as a draft: never the contact details. */
interface SavedChoices {
  chosen?: unknown;
  filter?: unknown;
  view?: unknown;
}

const VALUE_PATTERN = new RegExp(SLUG_PATTERN);
/** Narrower than this (the widget's own width, else the window's), the list is the better view to start in. */
const NARROW_REM = 30;

/**
 * @summary The participation fruit tree: people choose any mix of ways to be involved —
 * kept informed, sharing their experience, shaping decisions, working together, leading
 * and governing — at the effort they can give, in an illustrated tree or a plain list, and
 * send their choices (and, if they wish, how to reach them) to the configured endpoint.
 *
 * It is not a ladder: no branch is above another, in the words, the layout or the data.
 *
 * @slot - `<participate-branch value="…" label="…">` children holding
 *   `<participate-option value="…" effort="once|regular|ongoing" contact>Label
 *   <span slot="description">…</span><span slot="info">…</span></participate-option>` fruits,
 *   replacing the default tree (or adding to it with `extend`), plus the fallback shown
 *   when JavaScript does not run or the widget is misconfigured.
 *
 * @csspart base - The widget's outer box; carries its `lang` and `dir`.
 * @csspart form - The form.
 * @csspart label - Each step's question or heading.
 * @csspart button - Every button.
 * @csspart fruit - Each fruit's toggle in the tree view.
 * @csspart input - Each checkbox and text box.
 * @csspart info-button - Each "More about" button.
 * @csspart info - Each info popover.
 * @csspart link - The privacy notice link.
 * @csspart message - The sent, saved or failed panel.
 * @csspart error-summary - The list of problems shown after a failed check.
 *
 * @cssproperty --participate-fruit-tree-background - Background of the widget (default: the surface colour).
 * @cssproperty --participate-fruit-tree-padding - Space inside the widget.
 * @cssproperty --participate-fruit-tree-canopy - Colour of the tree's crown.
 * @cssproperty --participate-fruit-tree-wood - Colour of the trunk and boughs.
 * @cssproperty --participate-fruit-tree-fruit - Colour of a ripe (chosen) fruit.
 *
 * @event participate-submit - Before sending; cancelable. `detail.payload` is the response.
 * @event participate-sent - The endpoint accepted the response. `detail: { id, payload, fromOutbox }`.
 * @event participate-queued - Saved on this device to send later (never with contact details).
 * @event participate-error - Not sent. `detail: { id, payload, status?, message?, retryable }`.
 */
export class ParticipateFruitTree extends ParticipateElement {
  static override styles = [tokens, formStyles, botCheckStyles, fruitTreeStyles];

  static {
    addEnglish({ fruitTree });
  }

  static override properties: PropertyDeclarations = {
    privacyUrl: { attribute: 'privacy-url' },
    extend: { type: Boolean },
    initialView: { attribute: 'view' },
    question: {},
    branches: { attribute: false },
    chosen: { state: true, attribute: false },
    filter: { state: true, attribute: false },
    view: { state: true, attribute: false },
    step: { state: true, attribute: false },
    contact: { state: true, attribute: false },
    contactSkipped: { state: true, attribute: false },
    problemsShown: { state: true, attribute: false },
    chooseError: { state: true, attribute: false },
    done: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  /** The organisation's privacy notice; required when any fruit asks for contact details. */
  privacyUrl: string | undefined;

  /** Adds the `<participate-branch>` children to the default tree instead of replacing it. */
  extend = false;

  /** The view to start in, `tree` or `list`; by default the list on narrow screens and in forced colours. */
  initialView: string | undefined;

  /** Replaces the question, "How would you like to be involved?". */
  question: string | undefined;

  /** The tree, set from script: `[{ value, label, fruits: [{ value, label, effort, needsContact, description?, info? }] }]`. */
  branches: Branch[] | undefined;

  private chosen: ReadonlySet<string> = new Set();
  private filter: EffortFilter = 'any';
  private view: FruitTreeView | undefined;
  /** The view to start in when neither the person nor the page chose, decided once. */
  private startView: FruitTreeView = 'tree';
  private step: Step = 'choose';
  /** Held in memory only: never in the draft, never in the outbox. */
  private contact: ContactEntry = EMPTY_CONTACT;
  private contactSkipped = false;
  private problemsShown: ContactProblem[] = [];
  private chooseError: string | undefined;
  private done = false;
  private announcement = '';

  private readonly submission = new SubmitController(this);
  /** The `<participate-branch>` children, kept current. */
  private readonly branchChildren = new LightDomController<BranchReading>(
    this,
    readBranches,
    ['value', 'label', 'effort', 'contact', 'slot'],
    { branches: [], effortNotes: [] },
  );
  private readonly popovers = new InfoPopoverController(this);
  private drafts: DeferredDraftStore<SavedChoices> | undefined;
  private draftScope = '';
  private lastStatus = this.submission.status;
  /** The tree worked out once for what it depends on: read many times in every render. */
  private shown: { from: readonly unknown[]; tree: Branch[]; fruits: Fruit[]; places: Map<string, number> } | undefined;

  // ----- The tree ---------------------------------------------------------------------------

  private get t(): Translate {
    return (key, options) => this.localize.t(key, options);
  }

  /** The tree shown: the property, else the markup (alone, or added to the default), else the default. */
  private get tree(): Branch[] {
    return this.shownTree().tree;
  }

  private get fruits(): Fruit[] {
    return this.shownTree().fruits;
  }

  private shownTree(): NonNullable<typeof this.shown> {
    const { branches: markup } = this.branchChildren.value;
    // The reading and the property are replaced, never changed in place.
    const from = [this.localize.revision, this.extend, this.branches, markup];
    if (!this.shown || from.some((part, index) => part !== this.shown?.from[index])) {
      let tree: Branch[];
      if (this.branches) tree = this.branches;
      else if (markup.length === 0) tree = defaultTree(this.t);
      else tree = this.extend ? mergeTrees(defaultTree(this.t), markup) : markup;
      const fruits = allFruits(tree);
      this.shown = { from, tree, fruits, places: new Map(fruits.map((fruit, index) => [fruit.value, index])) };
    }
    return this.shown;
  }

  protected override checkConfiguration(): AuthorNote[] {
    const problems = super.checkConfiguration();
    const tree = this.tree;
    const fruits = allFruits(tree);
    if (fruits.length === 0) problems.push({ code: 'fruits-too-few' });
    if (fruits.length > LIMITS.fruitCount) {
      problems.push({ code: 'fruits-too-many', count: fruits.length, limit: LIMITS.fruitCount });
    }
    if (tree.length > LIMITS.branchCount) {
      problems.push({ code: 'branches-too-many', count: tree.length, limit: LIMITS.branchCount });
    }
    const branchValues = new Set<string>();
    for (const { value, label } of tree) {
      if (!VALUE_PATTERN.test(value) || value.length > LIMITS.valueLength) {
        problems.push({ code: 'branch-value-invalid', value, label });
      } else if (branchValues.has(value)) problems.push({ code: 'branch-duplicate', value });
      branchValues.add(value);
    }
    const fruitValues = new Set<string>();
    for (const { value } of fruits) {
      if (!VALUE_PATTERN.test(value) || value.length > LIMITS.valueLength) {
        problems.push({ code: 'fruit-value-invalid', value });
      } else if (fruitValues.has(value)) problems.push({ code: 'fruit-duplicate', value });
      fruitValues.add(value);
    }
    const asking = fruits.filter((fruit) => fruit.needsContact).map((fruit) => fruit.value);
    if (asking.length > 0 && !this.privacyUrl) problems.push({ code: 'privacy-url-missing', fruits: asking });
    else if (this.privacyUrl && !this.privacyHref())
      problems.push({ code: 'privacy-url-invalid', value: this.privacyUrl });
    return problems;
  }

  private privacyHref(): string | undefined {
    try {
      const url = new URL(this.privacyUrl ?? '', document.baseURI);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
    } catch {
      return undefined;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    for (const note of this.branchChildren.value.effortNotes) {
      this.warn({ code: 'effort-invalid', fruit: note.fruit, value: note.value });
    }
    if (this.problems.length === 0) this.prepare();
  }

  // ----- Draft ------------------------------------------------------------------------------

  /** Restores the person's choices, filter and view; the contact details are never kept. */
  private prepare(): void {
    const scope = `fruit-tree|${this.endpoint}|${this.topic}`;
    if (scope === this.draftScope) return;
    this.draftScope = scope;
    this.drafts?.flush();
    this.drafts = new DeferredDraftStore<SavedChoices>(scope);
    const saved = this.drafts.load();
    this.chosen = restoredChoices(saved?.chosen, this.tree);
    this.filter = (EFFORT_FILTERS as readonly unknown[]).includes(saved?.filter)
      ? (saved?.filter as EffortFilter)
      : 'any';
    this.view = (FRUIT_TREE_VIEWS as readonly unknown[]).includes(saved?.view)
      ? (saved?.view as FruitTreeView)
      : undefined;
    // Decided once: a window that narrows or a phone that turns must not swap the view under the person.
    const cramped = this.narrow() || matchMedia('(forced-colors: active)').matches;
    this.startView = cramped ? 'list' : 'tree';
  }

  /** Whether the widget has too little room for the tree: a page's column can be narrower than the window. */
  private narrow(): boolean {
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const width = this.getBoundingClientRect().width;
    return (width > 0 ? width : innerWidth) < NARROW_REM * rem;
  }

  private saveDraft(): void {
    this.drafts?.saveSoon({ chosen: [...this.chosen], filter: this.filter, ...(this.view ? { view: this.view } : {}) });
    const { status } = this.submission;
    if (status === 'failed' || status === 'rejected') this.submission.reset();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.drafts?.flush();
  }

  // ----- Choosing ---------------------------------------------------------------------------

  /** The view in use: the person's choice, else the page's, else the list where the tree would be cramped. */
  private get shownView(): FruitTreeView {
    if (this.view) return this.view;
    if ((FRUIT_TREE_VIEWS as readonly (string | undefined)[]).includes(this.initialView)) {
      return this.initialView as FruitTreeView;
    }
    return this.startView;
  }

  private toggle(value: string): void {
    const next = new Set(this.chosen);
    const adding = !next.has(value);
    if (adding) next.add(value);
    else next.delete(value);
    this.chosen = next;
    if (adding) this.chooseError = undefined;
    this.saveDraft();
    const fruit = this.fruits.find((candidate) => candidate.value === value);
    if (fruit && this.shownView === 'tree') {
      const key = adding ? 'fruitTree.announce.chosen' : 'fruitTree.announce.unchosen';
      this.announce(this.localize.t(key, { label: fruit.label, count: next.size }));
    }
  }

  private hiddenCount(): number {
    return this.fruits.filter((fruit) => !isVisible(fruit, this.filter, this.chosen)).length;
  }

  private setFilter(filter: EffortFilter): void {
    this.filter = filter;
    this.saveDraft();
    const hidden = this.hiddenCount();
    this.announce(
      hidden > 0
        ? this.localize.t('fruitTree.announce.filtered', { count: hidden })
        : this.localize.t('fruitTree.announce.allShown'),
    );
  }

  private setView(view: FruitTreeView): void {
    this.view = view;
    this.saveDraft();
    this.announce(this.localize.t(view === 'tree' ? 'fruitTree.announce.viewTree' : 'fruitTree.announce.viewList'));
  }

  private idOf(fruit: Fruit): string {
    return `fruit-${String(this.shownTree().places.get(fruit.value) ?? -1)}`;
  }

  // ----- Steps ------------------------------------------------------------------------------

  private get asksForContact(): boolean {
    return needsContact(this.tree, this.chosen);
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    if (this.submission.status === 'sending') return;
    switch (this.step) {
      case 'choose':
        this.continueFromChoices();
        break;
      case 'contact':
        this.continueFromContact();
        break;
      case 'check':
        void this.send(this.contactToSend());
        break;
    }
  }

  private continueFromChoices(): void {
    if (this.chosen.size === 0) {
      this.chooseError = this.localize.t('fruitTree.required');
      this.focusAfterRender('.error-summary');
      return;
    }
    this.chooseError = undefined;
    if (this.asksForContact && !this.contactSkipped && !this.contactReady()) this.goTo('contact', '#contact-heading');
    else this.goTo('check', '#check-heading');
  }

  private contactReady(): boolean {
    return contactProblems(this.contact).length === 0;
  }

  private continueFromContact(): void {
    this.problemsShown = contactProblems(this.contact);
    if (this.problemsShown.length > 0) {
      this.focusAfterRender('.error-summary');
      return;
    }
    this.contactSkipped = false;
    this.goTo('check', '#check-heading');
  }

  private skipContact(): void {
    this.problemsShown = [];
    this.contactSkipped = true;
    this.goTo('check', '#check-heading');
  }

  private goTo(step: Step, focus: string): void {
    this.step = step;
    this.focusAfterRender(focus);
  }

  /** The contact details to send: only when asked for, given and not skipped. */
  private contactToSend(): ContactEntry | undefined {
    return this.asksForContact && !this.contactSkipped && this.contactReady() ? this.contact : undefined;
  }

  // ----- Sending ----------------------------------------------------------------------------

  private async send(contact: ContactEntry | undefined): Promise<void> {
    const endpoint = this.endpointUrl();
    if (!endpoint) return;
    const payload: FruitTreeResponse = {
      ...this.envelope(),
      id: newId(),
      widget: 'fruit-tree',
      submittedAt: new Date().toISOString(),
      ...(contact ? { contact: contactPayload(contact) } : {}),
      answer: {
        chosen: choices(this.tree, this.chosen),
        offered: this.fruits.length,
        effortFilter: this.filter,
        view: this.shownView,
        contactGiven: contact !== undefined,
      },
    };
    await this.deliver(endpoint, payload);
  }

  private async deliver(endpoint: string, payload: FruitTreeResponse): Promise<void> {
    this.announce(this.localize.t('fruitTree.status.sending'));
    // Contact details never wait on the device: if they cannot go now, the person is told.
    const status = await this.submission.send(endpoint, payload, { keepOnDevice: payload.contact === undefined });
    if (status === 'cancelled') return;
    this.announce(this.statusText());
    if (status === 'sent' || status === 'queued') {
      this.done = true;
      this.contact = EMPTY_CONTACT;
      this.drafts?.clear();
    }
    this.focusAfterRender('.panel-heading');
  }

  private async tryAgain(): Promise<void> {
    const endpoint = this.endpointUrl();
    const { payload } = this.submission;
    if (!endpoint || payload?.widget !== 'fruit-tree' || this.submission.status === 'sending') return;
    await this.deliver(endpoint, payload);
  }

  private statusText(): string {
    const { status } = this.submission;
    if (status === 'failed' && this.submission.payload?.contact) return this.localize.t('fruitTree.contactNotKept');
    return status === 'idle' ? '' : this.localize.t(`fruitTree.status.${status}`);
  }

  private announce(text: string): void {
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = text;
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const status = this.submission.status;
    if (status === 'sent' && this.lastStatus === 'queued') {
      this.announce(this.localize.t('fruitTree.status.queuedThenSent'));
    }
    this.lastStatus = status;
  }

  // ----- Rendering --------------------------------------------------------------------------

  protected override renderWidget(): TemplateResult {
    const { lang, dir } = this.localize;
    return html`
      <section part="base" class="base" lang=${lang} dir=${dir} aria-label=${this.localize.t('fruitTree.regionLabel')}>
        ${this.done ? outcomePanel((key) => this.localize.t(key), 'fruitTree', this.submission) : this.renderForm()}
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </section>
    `;
  }

  private renderForm(): TemplateResult {
    const first = this.visibleFruits()[0];
    const errors: FieldError[] =
      this.step === 'contact'
        ? contactFieldErrors(this.t, this.problemsShown, LIMITS.nameLength)
        : this.step === 'choose' && this.chooseError
          ? [{ target: first ? this.idOf(first) : 'choose-heading', message: this.chooseError }]
          : [];
    return html`
      ${this.renderFailure()} ${errorSummary(this.localize.t('common.errorSummaryTitle'), errors)}
      <form part="form" novalidate @submit=${this.onSubmit}>${this.renderStep()}</form>
    `;
  }

  private visibleFruits(): Fruit[] {
    return this.fruits.filter((fruit) => isVisible(fruit, this.filter, this.chosen));
  }

  private renderStep(): TemplateResult {
    const t = this.t;
    switch (this.step) {
      case 'choose':
        return html`
          ${renderChoose({
            t,
            question: this.question ?? t('fruitTree.question'),
            branches: this.tree,
            chosen: this.chosen,
            filter: this.filter,
            view: this.shownView,
            visible: (fruit) => isVisible(fruit, this.filter, this.chosen),
            hiddenCount: this.hiddenCount(),
            idOf: (fruit) => this.idOf(fruit),
            error: this.chooseError,
            errorPrefix: t('common.errorPrefix'),
            toggle: (value) => {
              this.toggle(value);
            },
            setFilter: (filter) => {
              this.setFilter(filter);
            },
            setView: (view) => {
              this.setView(view);
            },
          })}
          <div class="actions"><button part="button" type="submit">${t('fruitTree.continue')}</button></div>
        `;
      case 'contact':
        return renderContact(
          {
            t,
            errorPrefix: t('common.errorPrefix'),
            reasons: chosenFruits(this.tree, this.chosen).filter((fruit) => fruit.needsContact),
            entry: this.contact,
            problems: this.problemsShown,
            privacyUrl: this.privacyHref() ?? '',
            edit: (change) => {
              this.contact = { ...this.contact, ...change };
            },
            skip: () => {
              this.skipContact();
            },
          },
          LIMITS.nameLength,
        );
      case 'check': {
        const contact = this.contactToSend();
        return renderCheck({
          t,
          lang: this.listLanguage(),
          byBranch: chosenByBranch(this.tree, this.chosen),
          contact: contact ? contactPayload(contact) : undefined,
          askedForContact: this.asksForContact,
          sending: this.submission.status === 'sending',
          changeChoices: () => {
            this.goTo('choose', '#choose-heading');
          },
          changeContact: () => {
            this.contactSkipped = false;
            this.goTo('contact', '#contact-heading');
          },
        });
      }
    }
  }

  /** The language lists are joined in: British English unless the page says otherwise (no serial comma). */
  private listLanguage(): string {
    const { lang, locale } = this.localize;
    return locale === 'en' && !lang.includes('-') ? 'en-GB' : lang;
  }

  private renderFailure(): TemplateResult | typeof nothing {
    const { status, payload } = this.submission;
    if (status !== 'failed' && status !== 'rejected') return nothing;
    const withContact = payload?.contact !== undefined;
    return html`
      <div part="message" class="panel warning">
        <p class="label panel-heading" tabindex="-1">${this.localize.t('fruitTree.failedHeading')}</p>
        <p>${this.statusText()}</p>
        <div class="actions">
          <button part="button" type="button" class="secondary" @click=${() => void this.tryAgain()}>
            ${this.localize.t('common.tryAgain')}
          </button>
          ${
            withContact
              ? html`<button
                  part="button"
                  type="button"
                  class="secondary"
                  @click=${() => {
                    this.contactSkipped = true;
                    void this.send(undefined);
                  }}
                >
                  ${this.localize.t('fruitTree.sendWithoutContact')}
                </button>`
              : nothing
          }
        </div>
      </div>
    `;
  }
}
