import { createInstance, type i18n, type Resource, type ResourceKey } from 'i18next';
// Only the shared strings: each component adds its own English (`addEnglish`), so a page
// with one widget does not download every widget's words.
import { common } from '../locales/en.json';
import type { ShippedLocale } from './locale-resolution.js';

export const NAMESPACE = 'participate';

// English ships in the bundle so that a widget can always render, even when a
// language file fails to arrive over a bad connection. Others load on demand.
const loaders: Record<Exclude<ShippedLocale, 'en'>, () => Promise<{ default: ResourceKey }>> = {
  cy: () => import('../locales/cy.json'),
  ur: () => import('../locales/ur.json'),
};

let library: i18n | undefined;
const pending = new Map<ShippedLocale, Promise<void>>();

/**
 * The library's own i18next instance. Never the global one: the host page may use
 * i18next itself, with its own languages and settings.
 */
export function participateI18n(): i18n {
  if (!library) {
    library = createInstance();
    const resources: Resource = { en: { [NAMESPACE]: { common } } };
    void library.init({
      resources,
      lng: 'en',
      fallbackLng: 'en',
      ns: [NAMESPACE],
      defaultNS: NAMESPACE,
      initAsync: false,
      // Lit renders every string as text, so i18next must not HTML-escape it a second time.
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }
  return library;
}

/** Adds a component's English strings beside the shared ones; called once per component class. */
export function addEnglish(strings: ResourceKey): void {
  participateI18n().addResourceBundle('en', NAMESPACE, strings, true, false);
}

export function isLocaleLoaded(locale: ShippedLocale): boolean {
  return participateI18n().hasResourceBundle(locale, NAMESPACE);
}

/** Loads a shipped locale once; on failure the widget keeps rendering in English. */
export function loadLocale(locale: ShippedLocale): Promise<void> {
  if (locale === 'en' || isLocaleLoaded(locale)) return Promise.resolve();
  let loading = pending.get(locale);
  if (!loading) {
    loading = loaders[locale]()
      .then((module) => {
        participateI18n().addResourceBundle(locale, NAMESPACE, module.default);
      })
      .catch((error: unknown) => {
        pending.delete(locale);
        console.warn(`[participate] Could not load the "${locale}" translations; showing English.`, error);
      });
    pending.set(locale, loading);
  }
  return loading;
}
