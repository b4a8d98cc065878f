import type { Decorator } from '@storybook/web-components-vite';
import defaultTheme from '../packages/elements/src/themes/default.css?inline';
import nhsTheme from '../packages/elements/src/themes/nhs.css?inline';
import govukTheme from '../packages/elements/src/themes/govuk.css?inline';

/** The token sets the library ships, exactly as a page would link them. */
export const THEMES = {
  default: { title: 'Default (council)', css: defaultTheme },
  nhs: { title: 'NHS', css: nhsTheme },
  govuk: { title: 'GOV.UK', css: govukTheme },
} as const;

export type Theme = keyof typeof THEMES;

export const themeGlobal = {
  description: 'Token set from packages/elements/src/themes',
  toolbar: {
    title: 'Theme',
    icon: 'paintbrush',
    items: Object.entries(THEMES).map(([value, { title }]) => ({ value, title })),
    dynamicTitle: true,
  },
} as const;

const STYLE_ID = 'participate-theme';

function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && Object.hasOwn(THEMES, value);
}

/** Puts the chosen theme in one `<style>` in the preview's head, replacing the last one. */
function applyTheme(theme: Theme): void {
  let style = document.getElementById(STYLE_ID);
  if (!style) {
    style = document.createElement('style');
    style.id = STYLE_ID;
    document.head.append(style);
  }
  style.textContent = THEMES[theme].css;
}

export const withTheme: Decorator = (story, { globals }) => {
  applyTheme(isTheme(globals.theme) ? globals.theme : 'default');
  return story();
};
