import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import {
  FEEDBACK_VARIANTS,
  FFT_RATINGS,
  LIMITS,
  USEFUL_ANSWERS,
  type FeedbackVariant,
  type FftRating,
  type Usefulness,
} from '@participate/schema/vocabulary';
import type { FeedbackPromptAnswer, FeedbackPromptResponse } from '@participate/schema';
import { ParticipateElement } from '../shared/participate-element.js';
import type { AuthorNote } from '../shared/console.js';
import { readOptions, type ParticipateOption } from '../shared/options.js';
import { formStyles, tokens } from '../shared/styles.js';
import { botCheckStyles } from '../shared/bot-check.js';
import { STATUS_TEXT, SubmitController, type SubmitStatus } from '../shared/submission/submit-controller.js';
import { failurePanel, outcomePanel } from '../shared/panels.js';
import { choice } from '../shared/choice.js';
import { CharacterCountController } from '../shared/character-count.js';
import { errorMessage, errorSummary } from '../shared/error-summary.js';
import { DraftStore } from '../shared/submission/draft-store.js';
import { newId } from '../shared/submission/uuid.js';
import { addEnglish } from '../shared/i18n.js';
import { feedbackPrompt } from '../locales/en.json';
import { feedbackPromptStyles } from './feedback-prompt.styles.js';

/** What a person has entered so far; kept as a draft so a reload loses nothing. */
interface FeedbackDraft {
  useful?: Usefulness;
  rating?: FftRating;
  reasons: string[];
  comment: string;
}

/**
 * Where the person is: answering the question, adding optional detail after a Yes or No
 * (which has already been sent), or done.
 */
type Step = 'question' | 'follow-up' | 'done';

interface SavedDraft extends FeedbackDraft {
  step: Step;
  /** The id of the Yes/No response that a follow-up amends. */
  firstId?: string;
}

type FieldId = 'rating' | 'comment';

const DEFAULT_REASONS = ['not-found', 'hard-to-understand', 'out-of-date', 'did-not-work'];
const DEFAULT_MAX_LENGTH = 500;

/**
 * @summary Asks "Is this page useful?" or the NHS Friends and Family Test, inline on any page,
 * and sends the answer to the configured endpoint — or keeps it on the device until it can.
 *
 * @slot - Fallback shown when JavaScript does not run or the widget is misconfigured: a link
 *   to a feedback page, or a plain `<form method="post" action="ENDPOINT">`.
 *   `<participate-option value="…">` children set the "What went wrong?" reasons.
 *
 * @csspart base - The widget's outer box; carries its `lang` and `dir`.
 * @csspart form - The form.
 * @csspart label - The question.
 * @csspart control - Each input and the comment box.
 * @csspart button - Every button.
 * @csspart message - The sent, saved or failed panel.
 * @csspart error-summary - The list of problems shown after a failed check.
 *
 * @cssproperty --participate-feedback-prompt-background - Background of the widget (default: the surface colour).
 * @cssproperty --participate-feedback-prompt-padding - Space inside the widget.
 * @cssproperty --participate-feedback-prompt-border-width - Border around the widget (default 0).
 * @cssproperty --participate-feedback-prompt-border-color - Colour of that border.
 *
 * @event participate-submit - Before sending; cancelable. `detail.payload` is the response.
 * @event participate-sent - The endpoint accepted the response. `detail: { id, payload, fromOutbox }`.
 * @event participate-queued - Saved on this device to send later. `detail: { id, payload }`.
 * @event participate-error - Not sent. `detail: { id, payload, status?, message?, retryable }`.
 */
export class ParticipateFeedbackPrompt extends ParticipateElement {
  static override styles = [tokens, formStyles, botCheckStyles, feedbackPromptStyles];

  static {
    addEnglish({ feedbackPrompt });
  }

  static override properties: PropertyDeclarations = {
    variant: {},
    question: {},
    commentQuestion: { attribute: 'comment-question' },
    commentMaxlength: { attribute: 'comment-maxlength', type: Number },
    nonstandardFft: { attribute: 'nonstandard-fft', type: Boolean },
    reasons: { attribute: false },
    draft: { state: true, attribute: false },
    step: { state: true, attribute: false },
    errors: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  /** `page-useful` (default): "Is this page useful?"; `fft`: the NHS Friends and Family Test. */
  variant = 'page-useful';

  /**
   * Replaces the question. For the Friends and Family Test this is ignored unless
   * `nonstandard-fft` is also set, because the standard wording is mandatory.
   */
  question: string | undefined;

  /** Replaces the label of the free-text question. */
  commentQuestion: string | undefined;

  /** Most characters in the comment (GOV.UK character count); at most 2000. */
  commentMaxlength = DEFAULT_MAX_LENGTH;

  /** Allows changing the FFT wording, which makes the answers no longer a valid FFT return. */
  nonstandardFft = false;

  /** "What went wrong?" reasons; defaults to the `<participate-option>` children, else a standard set. */
  reasons: ParticipateOption[] | undefined;

  private draft: FeedbackDraft = { reasons: [], comment: '' };
  private step: Step = 'question';
  /** The first response of this person's chain; later ones amend it. */
  private firstId: string | undefined;
  private errors: Partial<Record<FieldId, string>> = {};
  private announcement = '';

  private readonly submission = new SubmitController(this);
  private readonly count = new CharacterCountController(this, this.localize, (text) => {
    this.announce(text);
  });
  private drafts: DraftStore<SavedDraft> | undefined;
  private lightOptions: ParticipateOption[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    this.lightOptions = readOptions(this);
  }

  private get kind(): FeedbackVariant {
    return this.variant === 'fft' ? 'fft' : 'page-useful';
  }

  private get maxLength(): number {
    const requested = Number.isFinite(this.commentMaxlength) ? Math.floor(this.commentMaxlength) : DEFAULT_MAX_LENGTH;
    return Math.min(Math.max(requested, 1), LIMITS.commentLength);
  }

  protected override checkConfiguration(): AuthorNote[] {
    const problems = super.checkConfiguration();
    if (!(FEEDBACK_VARIANTS as readonly string[]).includes(this.variant)) {
      problems.push({ code: 'variant-invalid', value: this.variant });
    }
    return problems;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('commentMaxlength') && this.commentMaxlength > LIMITS.commentLength) {
      this.warn({ code: 'maxlength-capped', value: this.commentMaxlength, limit: LIMITS.commentLength });
    }
    if (this.kind === 'fft' && (changed.has('question') || changed.has('nonstandardFft') || changed.has('strings'))) {
      this.checkFftWording();
    }
    if (changed.has('endpoint') || changed.has('topic') || changed.has('variant')) this.restoreDraft();
  }

  private fftOverridden(): boolean {
    const keys = ['feedbackPrompt.fft.question', ...FFT_RATINGS.map((r) => `feedbackPrompt.fft.ratings.${r}`)];
    return this.question !== undefined || keys.some((key) => this.localize.overrides(key));
  }

  private checkFftWording(): void {
    if (!this.fftOverridden()) return;
    this.warn({ code: this.nonstandardFft ? 'fft-wording-changed' : 'fft-wording-ignored' });
  }

  /** Whether the standard FFT wording is shown unchanged. */
  private get standardWording(): boolean {
    return !(this.nonstandardFft && this.fftOverridden());
  }

  // ----- Text ---------------------------------------------------------------------------

  private fftText(key: string): string {
    const fullKey = `feedbackPrompt.fft.${key}`;
    return this.nonstandardFft ? this.localize.t(fullKey) : this.localize.standard(fullKey);
  }

  private questionText(): string {
    if (this.kind === 'fft') return this.nonstandardFft && this.question ? this.question : this.fftText('question');
    return this.question ?? this.localize.t('feedbackPrompt.pageUseful.question');
  }

  private commentLabel(): string {
    if (this.commentQuestion) return this.commentQuestion;
    if (this.kind === 'fft') return this.localize.t('feedbackPrompt.fft.commentLabel');
    return this.localize.t(
      this.draft.useful === 'yes'
        ? 'feedbackPrompt.pageUseful.commentLabelYes'
        : 'feedbackPrompt.pageUseful.commentLabelNo',
    );
  }

  private reasonOptions(): ParticipateOption[] {
    const given = this.reasons ?? this.lightOptions;
    if (given.length > 0) return given;
    return DEFAULT_REASONS.map((value) => ({
      value,
      label: this.localize.t(`feedbackPrompt.pageUseful.reasons.${value}`),
    }));
  }

  // ----- Draft --------------------------------------------------------------------------

  private restoreDraft(): void {
    this.drafts = new DraftStore(`feedback-prompt|${this.endpoint}|${this.topic}|${this.kind}`);
    const saved = this.drafts.load();
    if (!saved) return;
    this.draft = {
      useful: saved.useful,
      rating: saved.rating,
      reasons: Array.isArray(saved.reasons) ? saved.reasons : [],
      comment: typeof saved.comment === 'string' ? saved.comment : '',
    };
    const inFollowUp = saved.step === 'follow-up' && this.kind === 'page-useful' && saved.useful !== undefined;
    this.step = inFollowUp ? 'follow-up' : 'question';
    this.firstId = inFollowUp ? saved.firstId : undefined;
  }

  private saveDraft(): void {
    this.drafts?.save({ ...this.draft, step: this.step, ...(this.firstId ? { firstId: this.firstId } : {}) });
  }

  private edit(change: Partial<FeedbackDraft>): void {
    this.draft = { ...this.draft, ...change };
    this.saveDraft();
  }

  // ----- Interaction --------------------------------------------------------------------

  /**
   * Yes or No is sent at once: most people answer and leave, and their answer must count.
   * The optional follow-up, or a changed answer, is sent later as a response that amends it.
   */
  private async answerUseful(useful: Usefulness): Promise<void> {
    if (this.submission.status === 'sending') return;
    const unchanged = this.firstId !== undefined && useful === this.draft.useful;
    this.edit({ useful, reasons: useful === 'yes' ? [] : this.draft.reasons });
    const status = unchanged ? this.submission.status : await this.send({ variant: 'page-useful', useful });
    if (status === 'cancelled') return;
    this.step = 'follow-up';
    this.saveDraft();
    const failed = status === 'failed' || status === 'rejected';
    this.focusAfterRender(failed ? '.panel-heading' : '.you-said [tabindex="-1"]');
  }

  private changeAnswer(): void {
    const previous = this.draft.useful;
    this.step = 'question';
    this.errors = {};
    this.saveDraft();
    this.focusAfterRender(previous === 'no' ? 'button[value="no"]' : 'button[value="yes"]');
  }

  private onReasonChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const reasons = new Set(this.draft.reasons);
    if (input.checked) reasons.add(input.value);
    else reasons.delete(input.value);
    this.edit({ reasons: [...reasons] });
  }

  private onRatingChange(event: Event): void {
    this.edit({ rating: (event.target as HTMLInputElement).value as FftRating });
    if (this.errors.rating) this.errors = { ...this.errors, rating: undefined };
  }

  private onCommentInput(event: Event): void {
    this.edit({ comment: (event.target as HTMLTextAreaElement).value });
    this.count.typed(this.draft.comment, this.maxLength);
  }

  private announce(text: string): void {
    // Clearing first makes a repeat of the same words count as a change.
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = text;
    });
  }

  private validate(): Partial<Record<FieldId, string>> {
    const errors: Partial<Record<FieldId, string>> = {};
    if (this.kind === 'fft' && !this.draft.rating) errors.rating = this.localize.t('feedbackPrompt.fft.ratingRequired');
    if (this.draft.comment.length > this.maxLength) {
      errors.comment = this.localize.t('common.textTooLong', {
        count: this.maxLength,
        field: this.localize.t('feedbackPrompt.commentName'),
      });
    }
    return errors;
  }

  /** The answer the form holds now; undefined when a follow-up adds nothing to the Yes/No. */
  private answer(): FeedbackPromptAnswer | undefined {
    const comment = this.draft.comment.trim();
    const withComment = comment ? { comment } : {};
    if (this.kind === 'fft') {
      return {
        variant: 'fft',
        rating: this.draft.rating ?? 'dont-know',
        standardWording: this.standardWording,
        ...withComment,
      };
    }
    const reasons = this.draft.useful === 'no' && this.draft.reasons.length > 0 ? { reasons: this.draft.reasons } : {};
    if (!comment && !('reasons' in reasons)) return undefined;
    return { variant: 'page-useful', useful: this.draft.useful ?? 'yes', ...reasons, ...withComment };
  }

  /** Sends one response of this person's chain and reports its status. */
  private async send(answer: FeedbackPromptAnswer): Promise<SubmitStatus | 'cancelled'> {
    const endpoint = this.endpointUrl();
    if (!endpoint) return 'cancelled';
    const id = newId();
    const payload: FeedbackPromptResponse = {
      ...this.envelope(),
      id,
      widget: 'feedback-prompt',
      submittedAt: new Date().toISOString(),
      ...(this.firstId ? { amends: this.firstId } : {}),
      answer,
    };
    this.announce(this.localize.t('common.status.sending'));
    const status = await this.submission.send(endpoint, payload);
    if (status === 'cancelled') return status;
    if (this.kind === 'page-useful') this.firstId ??= id;
    this.announce(this.statusText());
    return status;
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.submission.status === 'sending') return;
    this.errors = this.validate();
    if (Object.keys(this.errors).length > 0) {
      this.focusAfterRender('.error-summary');
      return;
    }
    const answer = this.answer();
    // A follow-up with nothing added: the Yes/No already said it all.
    const status = answer ? await this.send(answer) : this.submission.status;
    if (status === 'sent' || status === 'queued') this.finish();
    else if (status === 'failed' || status === 'rejected') this.focusAfterRender('.panel-heading');
  }

  /** Trying again sends the very same response, so the endpoint stores it once. */
  private async tryAgain(): Promise<void> {
    const endpoint = this.endpointUrl();
    const { payload } = this.submission;
    if (!endpoint || !payload || this.submission.status === 'sending') return;
    this.announce(this.localize.t('common.status.sending'));
    const status = await this.submission.send(endpoint, payload);
    this.announce(this.statusText());
    const finished = status === 'sent' || status === 'queued';
    if (finished && (this.kind === 'fft' || this.step === 'done' || payload.amends !== undefined)) this.finish();
    else this.focusAfterRender(finished ? '.you-said [tabindex="-1"]' : '.panel-heading');
  }

  private finish(): void {
    this.step = 'done';
    this.drafts?.clear();
    this.focusAfterRender('.panel-heading');
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // A response that waited on this device has now gone: say so.
    const status = this.submission.status;
    if (status === 'sent' && this.lastStatus === 'queued')
      this.announce(this.localize.t('common.status.queuedThenSent'));
    this.lastStatus = status;
  }

  private lastStatus = this.submission.status;

  private statusText(): string {
    const { status } = this.submission;
    return status === 'idle' ? '' : this.localize.t(STATUS_TEXT[status]);
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
        aria-label=${this.localize.t('feedbackPrompt.regionLabel')}
      >
        ${this.step === 'done' ? this.renderPanel() : this.renderForm()}
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </section>
    `;
  }

  private renderPanel(): TemplateResult {
    return outcomePanel((key) => this.localize.t(key), 'feedbackPrompt', this.submission, 'common.status');
  }

  private renderForm(): TemplateResult {
    if (this.kind === 'page-useful' && this.step === 'question') {
      return html`${this.renderFailure()} ${this.renderUsefulQuestion()}`;
    }
    const sending = this.submission.status === 'sending';
    return html`
      ${this.renderFailure()} ${this.renderErrorSummary()}
      <form part="form" novalidate @submit=${this.onSubmit}>
        ${this.kind === 'fft' ? this.renderRatings() : this.renderFollowUp()} ${this.renderComment()}
        <div class="actions">
          <button part="button" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
            ${this.localize.t('common.send')}
          </button>
        </div>
      </form>
    `;
  }

  private renderUsefulQuestion(): TemplateResult {
    return html`
      <div class="question-row" role="group" aria-labelledby="question">
        <p part="label" class="label" id="question">${this.questionText()}</p>
        <div class="answer-buttons">
          ${USEFUL_ANSWERS.map(
            (answer) => html`
              <button
                part="button"
                type="button"
                value=${answer}
                aria-disabled=${this.submission.status === 'sending' ? 'true' : 'false'}
                aria-label=${this.localize.t(`feedbackPrompt.pageUseful.${answer}Label`)}
                @click=${() => {
                  void this.answerUseful(answer);
                }}
              >
                ${this.localize.t(`feedbackPrompt.pageUseful.${answer}`)}
              </button>
            `,
          )}
        </div>
      </div>
    `;
  }

  private renderFollowUp(): TemplateResult {
    const answer = this.localize.t(
      this.draft.useful === 'no'
        ? 'feedbackPrompt.pageUseful.answerNotUseful'
        : 'feedbackPrompt.pageUseful.answerUseful',
    );
    return html`
      <div class="you-said">
        <p tabindex="-1">${this.localize.t('feedbackPrompt.pageUseful.youAnswered', { answer })}</p>
        <button part="button" type="button" class="link-button" @click=${this.changeAnswer}>
          ${this.localize.t('feedbackPrompt.pageUseful.changeAnswer')}
        </button>
      </div>
      ${this.renderAnswerStatus()} ${this.draft.useful === 'no' ? this.renderReasons() : nothing}
    `;
  }

  /** Whether the Yes/No itself has gone, so the person knows the follow-up is optional. */
  private renderAnswerStatus(): TemplateResult | typeof nothing {
    const keys: Partial<Record<SubmitStatus, string>> = {
      sending: 'common.status.sending',
      sent: 'feedbackPrompt.pageUseful.answerSent',
      queued: 'common.status.queued',
    };
    const key = keys[this.submission.status];
    return key ? html`<p class="hint answer-status">${this.localize.t(key)}</p>` : nothing;
  }

  private renderReasons(): TemplateResult {
    return html`
      <fieldset class="form-group" aria-describedby="reasons-hint">
        <legend part="label">${this.localize.t('feedbackPrompt.pageUseful.reasonsLegend')}</legend>
        <p class="hint" id="reasons-hint">${this.localize.t('feedbackPrompt.pageUseful.reasonsHint')}</p>
        <ul class="choices">
          ${this.reasonOptions().map((option, index) =>
            choice({
              type: 'checkbox',
              id: `reason-${index}`,
              name: 'reasons',
              value: option.value,
              label: option.label,
              checked: this.draft.reasons.includes(option.value),
              onChange: (event) => {
                this.onReasonChange(event);
              },
            }),
          )}
        </ul>
      </fieldset>
    `;
  }

  private renderRatings(): TemplateResult {
    const error = this.errors.rating;
    return html`
      <fieldset class="form-group ${error ? 'has-error' : ''}" aria-describedby=${error ? 'rating-error' : nothing}>
        <legend part="label" class="heading">${this.questionText()}</legend>
        ${errorMessage('rating-error', this.localize.t('common.errorPrefix'), error)}
        <ul class="choices">
          ${FFT_RATINGS.map((rating) =>
            choice({
              type: 'radio',
              id: `rating-${rating}`,
              name: 'rating',
              value: rating,
              label: this.fftText(`ratings.${rating}`),
              checked: this.draft.rating === rating,
              onChange: (event) => {
                this.onRatingChange(event);
              },
            }),
          )}
        </ul>
      </fieldset>
    `;
  }

  private renderComment(): TemplateResult {
    return this.count.field({
      id: 'comment',
      label: html`${this.commentLabel()} <span class="optional">${this.localize.t('common.optional')}</span>`,
      hint: this.localize.t('common.personalInfoHint'),
      value: this.draft.comment,
      maxLength: this.maxLength,
      error: this.errors.comment,
      onInput: (event) => {
        this.onCommentInput(event);
      },
    });
  }

  private renderErrorSummary(): TemplateResult | typeof nothing {
    const targets: Record<FieldId, string> = { rating: `rating-${FFT_RATINGS[0]}`, comment: 'comment' };
    const errors = (Object.keys(targets) as FieldId[]).flatMap((field) => {
      const message = this.errors[field];
      return message ? [{ target: targets[field], message }] : [];
    });
    return errorSummary(this.localize.t('common.errorSummaryTitle'), errors);
  }

  private renderFailure(): TemplateResult | typeof nothing {
    const { status } = this.submission;
    if (status !== 'failed' && status !== 'rejected') return nothing;
    return failurePanel(
      this.localize.t('feedbackPrompt.failedHeading'),
      this.statusText(),
      this.localize.t('common.tryAgain'),
      () => void this.tryAgain(),
    );
  }
}
