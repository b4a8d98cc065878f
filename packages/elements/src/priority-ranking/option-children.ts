import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readOptions, type ParticipateOption } from '../shared/options.js';

/**
 * The `<participate-option>` children, kept current. When the element is already defined
 * as the page is parsed, it connects before its children arrive, and a CMS may add or edit
 * options later; either way the widget re-renders with what is there now.
 */
export class OptionChildrenController implements ReactiveController {
  options: ParticipateOption[] = [];
  private observer: MutationObserver | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.read();
    this.observer = new MutationObserver(() => {
      this.read();
    });
    this.observer.observe(this.host, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['value', 'slot'],
    });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  private read(): void {
    const next = readOptions(this.host);
    if (JSON.stringify(next) === JSON.stringify(this.options)) return;
    this.options = next;
    this.host.requestUpdate();
  }
}
