/** The locales the library ships. Anything else falls back to English. */
export const SHIPPED_LOCALES = ['en', 'cy', 'ur'] as const;
export type ShippedLocale = (typeof SHIPPED_LOCALES)[number];

/**
 * The language an element should render in: its own `lang`, else the nearest ancestor's,
 * looking through the shadow roots it may be nested in, else English. Also returns the
 * element that carries it, so a change there can be watched.
 */
export function nearestLang(element: Element): { lang: string; source: Element | undefined } {
  let node: Element | null = element;
  while (node) {
    const found: Element | null = node.closest('[lang]');
    const lang = found?.getAttribute('lang')?.trim();
    if (found && lang) return { lang, source: found };
    const root = (found ?? node).getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return { lang: 'en', source: undefined };
}

/** Maps a BCP 47 tag such as `cy-GB` to the shipped locale it should use. */
export function shippedLocaleFor(lang: string): ShippedLocale {
  const base = lang.toLowerCase().split(/[-_]/)[0] ?? '';
  return (SHIPPED_LOCALES as readonly string[]).includes(base) ? (base as ShippedLocale) : 'en';
}
