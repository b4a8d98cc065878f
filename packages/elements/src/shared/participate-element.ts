import { LitElement, html, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { SCHEMA_VERSION, SLUG_PATTERN, STAGES, isStage, type Stage } from '@participate/schema/vocabulary';
import type { BotCheck } from '@participate/schema';
import { BotCheckField } from './bot-check.js';
import { tellAuthor, type AuthorNote } from './console.js';
import { LocalizeController, type StringOverrides } from './localize-controller.js';

/** The fields every response carries, whatever the widget. */
export interface ResponseEnvelope {
  schemaVersion: typeof SCHEMA_VERSION;
  topic: string;
  stage?: Stage;
  locale: string;
  page: string;
  botCheck: BotCheck;
}

/** The schema's rule for topics, so the widget refuses what the endpoint would. */
const TOPIC_PATTERN = new RegExp(SLUG_PATTERN);

/**
 * The thin base every Participate widget extends: shared configuration (`endpoint`, `topic`,
 * `stage`, `strings`), language resolution, and the rule that a misconfigured widget shows
 * the author's light-DOM fallback instead of breaking the page.
 */
export abstract class ParticipateElement extends LitElement {
  // Declared without decorators: the decorator runtime would cost every page ~0.6 KB gzipped.
  static override properties: PropertyDeclarations = {
    endpoint: {},
    topic: {},
    stage: {},
    strings: { type: Object },
  };

  /** URL the widget posts responses to. Required. */
  endpoint = '';

  /** What is being asked about, as a short slug such as `gp-appointments`. Required. */
  topic = '';

  /** Engagement-cycle stage the responses serve (optional). */
  stage: string | undefined;

  /**
   * Per-instance text overrides: i18next keys to text, e.g.
   * `strings='{"common.send":"Send feedback"}'`. Applied in the language the widget renders in.
   */
  strings: StringOverrides | undefined;

  protected readonly localize = new LocalizeController(this);

  /** The honeypot and fill time; a widget adds `botCheckStyles` to its styles to hide the field. */
  private readonly botCheck = new BotCheckField(this);

  /** Problems that stop the widget working; it shows its fallback while there are any. */
  protected problems: AuthorNote[] = [];

  /** The widget's tag, for messages to the web team. */
  protected get tag(): string {
    return this.localName;
  }

  protected override shouldUpdate(changed: PropertyValues): boolean {
    // Wait for the language's strings so that nobody sees a flash of English first.
    return this.localize.ready && super.shouldUpdate(changed);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.problems = this.checkConfiguration();
    for (const problem of this.problems) tellAuthor('error', this.tag, problem);
  }

  /** Lists fatal configuration problems, each naming the attribute and what to do. */
  protected checkConfiguration(): AuthorNote[] {
    const problems: AuthorNote[] = [];
    if (!this.endpoint) problems.push({ code: 'endpoint-missing' });
    else if (!this.endpointUrl()) problems.push({ code: 'endpoint-invalid', value: this.endpoint });
    if (!this.topic) problems.push({ code: 'topic-missing' });
    else if (!TOPIC_PATTERN.test(this.topic)) problems.push({ code: 'topic-invalid', value: this.topic });
    if (this.stage && !isStage(this.stage))
      problems.push({ code: 'stage-invalid', value: this.stage, allowed: STAGES });
    return problems;
  }

  protected endpointUrl(): string | undefined {
    try {
      const url = new URL(this.endpoint, document.baseURI);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
    } catch {
      return undefined;
    }
  }

  protected warn(note: AuthorNote): void {
    tellAuthor('warn', this.tag, note);
  }

  /** The fields of the response that do not depend on the answer. */
  protected envelope(): ResponseEnvelope {
    const envelope: ResponseEnvelope = {
      schemaVersion: SCHEMA_VERSION,
      topic: this.topic,
      locale: this.localize.lang,
      // Origin and path only: a query string can carry personal data.
      page: `${location.origin}${location.pathname}`,
      botCheck: this.botCheck.read(),
    };
    if (this.stage && isStage(this.stage)) envelope.stage = this.stage;
    return envelope;
  }

  private pendingFocus: string | undefined;

  /** Moves focus once the next render has put `selector` on screen. */
  protected focusAfterRender(selector: string): void {
    this.pendingFocus = selector;
    this.requestUpdate();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const target = this.pendingFocus && this.renderRoot.querySelector<HTMLElement>(this.pendingFocus);
    if (!target) return;
    this.pendingFocus = undefined;
    target.focus();
  }

  protected override render(): TemplateResult {
    // The author's light-DOM content is the fallback: the same thing people see without JavaScript.
    if (this.problems.length > 0) return html`<slot></slot>`;
    return html`${this.renderWidget()}${this.botCheck.field(this.localize.t('common.honeypotLabel'))}`;
  }

  protected abstract renderWidget(): TemplateResult;
}
