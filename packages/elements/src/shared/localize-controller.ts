import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TOptions } from 'i18next';
import { NAMESPACE, isLocaleLoaded, loadLocale, participateI18n } from './i18n.js';
import { nearestLang, shippedLocaleFor, type ShippedLocale } from './locale-resolution.js';

/** Per-instance string overrides: i18next keys (dotted paths) to text in the page's language. */
export type StringOverrides = Record<string, string>;

type LocalizedHost = ReactiveControllerHost & HTMLElement & { strings?: StringOverrides };

let overrideCount = 0;

/** Enough for every label of the longest list in every state, small enough not to matter. */
const MAX_REMEMBERED = 1000;

/**
 * Resolves the language an element renders in, loads its translations, and translates
 * keys with the element's own overrides taking precedence over the library's strings.
 *
 * The language follows the element's `lang`, else the nearest ancestor's; both are watched,
 * so a page that switches language re-renders its widgets.
 */
export class LocalizeController implements ReactiveController {
  /** The shipped locale in use: `en`, `cy` or `ur`. */
  locale: ShippedLocale = 'en';
  /** The language tag the widget renders in, for its root's `lang`. */
  lang = 'en';
  dir: 'ltr' | 'rtl' = 'ltr';
  /** Goes up whenever the words may have changed: a new locale, its file arriving, new overrides. */
  revision = 0;

  private readonly host: LocalizedHost;
  private readonly overrideNamespace = `override-${++overrideCount}`;
  private appliedOverrides: StringOverrides | undefined;
  private observer?: MutationObserver;
  /**
   * Texts already translated, by key and options. A list of 50 options asks for the same
   * 250 labels on every move, and i18next's lookup is the costliest part of a re-render.
   * Emptied whenever the strings can change: a new locale, its file arriving, new overrides.
   */
  private readonly translated = new Map<string, string>();

  constructor(host: LocalizedHost) {
    this.host = host;
    host.addController(this);
  }

  /** Whether the locale's strings are loaded, so rendering will not flash another language. */
  get ready(): boolean {
    return isLocaleLoaded(this.locale);
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => {
      this.resolve();
    });
    this.resolve();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  hostUpdate(): void {
    if (this.host.strings !== this.appliedOverrides) this.applyOverrides();
  }

  /** Translates a key; the element's `strings` overrides win over the library's text. */
  t(key: string, options: TOptions = {}): string {
    const memoKey = `${key}\u0000${JSON.stringify(options)}`;
    let text = this.translated.get(memoKey);
    if (text === undefined) {
      text = participateI18n().t(key, { ...options, lng: this.locale, ns: [this.overrideNamespace, NAMESPACE] });
      if (this.translated.size >= MAX_REMEMBERED) this.translated.clear();
      this.translated.set(memoKey, text);
    }
    return text;
  }

  /** Translates a key ignoring per-instance overrides: for wording that must stay standard. */
  standard(key: string, options: TOptions = {}): string {
    return participateI18n().t(key, { ...options, lng: this.locale, ns: NAMESPACE });
  }

  /** Whether the element overrides a key (so callers can warn about standard wording). */
  overrides(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.host.strings ?? {}, key);
  }

  /**
   * Watches the element the language came from, the host (which may gain its own `lang`)
   * and the document root (which may gain one while an ancestor loses it).
   */
  private watch(source: Element | undefined): void {
    if (!this.observer) return;
    this.observer.disconnect();
    const options = { attributes: true, attributeFilter: ['lang'] };
    for (const element of new Set([this.host, document.documentElement, source])) {
      if (element) this.observer.observe(element, options);
    }
  }

  private resolve(): void {
    const { lang, source } = nearestLang(this.host);
    this.watch(source);
    const locale = shippedLocaleFor(lang);
    if (locale === this.locale && lang === this.lang) return;
    this.lang = lang;
    this.locale = locale;
    const i18n = participateI18n();
    this.dir = i18n.dir(locale);
    this.applyOverrides();
    this.host.requestUpdate();
    void loadLocale(locale).then(() => {
      if (this.locale !== locale) return;
      // A locale that failed to load renders in English, so the root's lang must say so.
      if (!isLocaleLoaded(locale)) {
        this.locale = 'en';
        this.lang = 'en';
        this.dir = 'ltr';
      }
      this.applyOverrides();
      this.host.requestUpdate();
    });
  }

  private applyOverrides(): void {
    this.translated.clear();
    this.revision++;
    const i18n = participateI18n();
    const overrides = this.host.strings;
    this.appliedOverrides = overrides;
    i18n.removeResourceBundle(this.locale, this.overrideNamespace);
    if (!overrides) return;
    for (const [key, value] of Object.entries(overrides)) {
      if (typeof value === 'string') i18n.addResource(this.locale, this.overrideNamespace, key, value);
    }
  }
}
