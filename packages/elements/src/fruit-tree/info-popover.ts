import { html, svg, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import type { Translate } from '../shared/translate.js';

/** The small "i" in a circle. Hidden from assistive technology; the button has a name. */
const infoIcon = svg`<svg class="info-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
  <circle cx="10" cy="10" r="8.5" fill="none" stroke="currentColor" stroke-width="2" />
  <path d="M10 8.5v6M10 5.2v.1" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
</svg>`;

/**
 * A button that opens a short explanation ("What does a governor do?") beside it: a
 * non-modal dialog in the top layer, so no container clips it, placed by Floating UI to
 * stay on screen. The browser's popover handles Escape and clicks outside; focus goes into
 * the explanation when it opens and back to the button when it closes.
 */
export function renderInfo(t: Translate, id: string, label: string, text: string): TemplateResult {
  return html`
    <button
      part="button info-button"
      type="button"
      class="info-button"
      id="${id}-button"
      popovertarget=${id}
      aria-label=${t('fruitTree.infoLabel', { label })}
    >
      ${infoIcon}<span class="info-short">${t('fruitTree.infoShort')}</span>
    </button>
    <div part="info" class="info-popover" id=${id} popover role="dialog" tabindex="-1" aria-labelledby="${id}-title">
      <p class="info-title" id="${id}-title">${label}</p>
      <p class="info-text">${text}</p>
      <button part="button" type="button" class="secondary info-close" popovertarget=${id} popovertargetaction="hide">
        ${t('fruitTree.infoClose')}
      </button>
    </div>
  `;
}

/** Positions each info popover while it is open and moves focus in and back out. */
export class InfoPopoverController implements ReactiveController {
  private readonly stops = new Map<HTMLElement, () => void>();

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.listen();
  }

  hostUpdated(): void {
    // The shadow root exists only after the first render.
    this.listen();
  }

  hostDisconnected(): void {
    this.host.shadowRoot?.removeEventListener('toggle', this.onToggle, true);
    this.host.shadowRoot?.removeEventListener('beforetoggle', this.onBeforeToggle, true);
    for (const stop of this.stops.values()) stop();
    this.stops.clear();
  }

  /** `toggle` does not bubble out of the shadow root's popovers, so listen where they live. */
  private listen(): void {
    this.host.shadowRoot?.addEventListener('toggle', this.onToggle, true);
    this.host.shadowRoot?.addEventListener('beforetoggle', this.onBeforeToggle, true);
  }

  /** Stops placing a popover before it hides: a hidden popover measured as 0×0 would jump. */
  private readonly onBeforeToggle = (event: Event): void => {
    const popover = event.target;
    if (!(popover instanceof HTMLElement) || (event as ToggleEvent).newState !== 'closed') return;
    this.stops.get(popover)?.();
    this.stops.delete(popover);
  };

  private readonly onToggle = (event: Event): void => {
    const popover = event.target;
    if (!(popover instanceof HTMLElement) || !popover.classList.contains('info-popover')) return;
    const button = this.host.shadowRoot?.getElementById(`${popover.id}-button`);
    if (!button) return;
    if ((event as ToggleEvent).newState === 'open') {
      this.stops.set(
        popover,
        autoUpdate(button, popover, () => {
          void this.place(button, popover);
        }),
      );
      popover.focus();
      return;
    }
    this.stops.get(popover)?.();
    this.stops.delete(popover);
    const root = this.host.shadowRoot;
    const focused = root?.activeElement;
    if (!focused || popover.contains(focused)) button.focus();
  };

  private async place(button: HTMLElement, popover: HTMLElement): Promise<void> {
    const { x, y } = await computePosition(button, popover, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(6),
        flip(),
        shift({ padding: 8, crossAxis: true }),
        // When neither side has room, the popover scrolls rather than running off screen.
        size({
          padding: 8,
          apply({ availableHeight, elements }) {
            elements.floating.style.setProperty('max-block-size', `${String(Math.max(0, availableHeight))}px`);
          },
        }),
      ],
    });
    // Coordinates set through the CSSOM, which a strict style-src allows.
    popover.style.setProperty('left', `${String(x)}px`);
    popover.style.setProperty('top', `${String(y)}px`);
  }
}
