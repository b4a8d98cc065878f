import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
// As written, not minified: the values appear in the controls and the copied CSS.
import defaultTheme from '../packages/elements/src/themes/default.css?raw';
import { UNREACHABLE_ENDPOINT } from './support/endpoints.js';

/** Token name (`--participate-…`) to value. */
type TokenArgs = Record<string, string>;

/** The tokens and their defaults, read from the default theme so the list cannot drift. */
const DEFAULT_TOKENS: TokenArgs = Object.fromEntries(
  [...defaultTheme.matchAll(/(--participate-[\w-]+)\s*:\s*([^;}]+)/g)].map(([, name = '', value = '']) => [
    name,
    value.trim(),
  ]),
);

function categoryOf(token: string): string {
  if (token.startsWith('--participate-color-')) return 'Colour';
  if (token.startsWith('--participate-space-')) return 'Space';
  return 'Type and shape';
}

/** The stylesheet a developer would ship: every token, in the shape of the theme files. */
function themeCss(tokens: TokenArgs): string {
  const lines = Object.entries(tokens).map(([name, value]) => `  ${name}: ${value};`);
  return `:root {\n${lines.join('\n')}\n}\n`;
}

// Adopted by the preview document while the story is shown. A constructed sheet sets the
// tokens without inline styles, and it comes after the theme toolbar's <style> in the cascade.
const tokenSheet = new CSSStyleSheet();

function adoptTokenSheet(): () => void {
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, tokenSheet];
  return () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== tokenSheet);
  };
}

async function copyCss(event: Event): Promise<void> {
  const button = event.currentTarget as HTMLButtonElement;
  const playground = button.closest('.token-playground');
  const css = playground?.querySelector('pre')?.textContent ?? '';
  const status = playground?.querySelector('[role="status"]');
  // Emptied first, so that copying twice is announced twice.
  if (status) status.textContent = '';
  try {
    await navigator.clipboard.writeText(css);
    if (status) status.textContent = 'Copied';
  } catch {
    if (status) status.textContent = 'Could not copy. Select the CSS and copy it yourself.';
  }
}

function renderPlayground(tokens: TokenArgs): TemplateResult {
  const css = themeCss(tokens);
  tokenSheet.replaceSync(css);
  return html`
    <div class="token-playground">
      <participate-feedback-prompt endpoint=${UNREACHABLE_ENDPOINT} topic="storybook-theming">
        <p><a href="https://www.example.org/contact/feedback">Tell us what you think of this page</a></p>
      </participate-feedback-prompt>
      <section aria-labelledby="theme-css-heading">
        <h2 id="theme-css-heading">Your theme</h2>
        <pre><code>${css}</code></pre>
        <div class="copy">
          <button type="button" @click=${copyCss}>Copy CSS</button>
          <span role="status"></span>
        </div>
      </section>
    </div>
  `;
}

const meta = {
  title: 'Guides/Theming',
  render: (args) => renderPlayground(args),
  beforeEach: adoptTokenSheet,
  args: DEFAULT_TOKENS,
  argTypes: Object.fromEntries(
    Object.keys(DEFAULT_TOKENS).map((token) => [
      token,
      {
        control: token.startsWith('--participate-color-') ? 'color' : 'text',
        table: { category: categoryOf(token) },
      },
    ]),
  ),
  parameters: {
    docs: {
      description: {
        component:
          "Change the `--participate-*` design tokens with the controls and watch the prompt follow. The CSS below is a complete theme: copy it into your site's stylesheet, or start from one of the files in `packages/elements/src/themes`. Every token is set here, so the Theme toolbar has no effect on this page.",
      },
    },
  },
} satisfies Meta<TokenArgs>;

export default meta;

export const DesignTokens: StoryObj<TokenArgs> = {
  name: 'Design tokens',
  parameters: {
    docs: {
      description: {
        story:
          'Starts from the default theme. Answer "No" in the prompt to see the form controls, hints and focus styles change too.',
      },
    },
  },
};
