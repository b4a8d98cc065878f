import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { Decorator } from '@storybook/web-components-vite';

/** The locales the library ships, with the direction each is written in. */
export const LOCALES = {
  en: { title: 'English', dir: 'ltr' },
  cy: { title: 'Cymraeg (Welsh)', dir: 'ltr' },
  ur: { title: 'اردو (Urdu)', dir: 'rtl' },
} as const;

export type Locale = keyof typeof LOCALES;

export const localeGlobal = {
  description: 'Language of the page around the component',
  toolbar: {
    title: 'Locale',
    icon: 'globe',
    items: Object.entries(LOCALES).map(([value, { title }]) => ({ value, title, right: value })),
    dynamicTitle: true,
  },
} as const;

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(LOCALES, value);
}

/**
 * Wraps the story in an element carrying the page's `lang` and `dir`, as a real page would.
 * Keyed on the locale so that switching languages mounts a fresh component: widgets follow
 * a change of `<html lang>`, not of an arbitrary ancestor.
 */
export const withLocale: Decorator = (story, { globals }) => {
  const locale = isLocale(globals.locale) ? globals.locale : 'en';
  return html`${keyed(locale, html`<div lang=${locale} dir=${LOCALES[locale].dir}>${story()}</div>`)}`;
};
