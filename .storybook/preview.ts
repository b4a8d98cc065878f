import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import manifest from '../packages/elements/custom-elements.json';
// Registers every element, as the one script tag on a real page does.
import '../packages/elements/src/define.js';
import { localeGlobal, withLocale } from './locale.js';
import { themeGlobal, withTheme } from './theme.js';
import './preview.css';

// Autodocs reads attributes, properties, events, slots, parts and CSS properties from here.
setCustomElementsManifest(manifest);

/** Half-written answers survive a reload (localStorage); every story starts from a blank one. */
function forgetDrafts(): void {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith('participate:draft:')) localStorage.removeItem(key);
  }
}

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    a11y: {
      // The standard the components are held to: WCAG 2.2 AA, by axe-core's rule tags.
      options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } },
      test: 'error',
    },
    controls: { expanded: true },
  },
  globalTypes: { locale: localeGlobal, theme: themeGlobal },
  initialGlobals: { locale: 'en', theme: 'default' },
  decorators: [withLocale, withTheme],
  beforeEach: forgetDrafts,
};

export default preview;
