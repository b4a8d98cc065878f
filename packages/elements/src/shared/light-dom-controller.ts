import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * What an element's light-DOM children say, read again whenever they change: when the
 * element is defined as the page is parsed, it connects before its children arrive, and a
 * CMS may add or edit them later. The host re-renders only when the reading differs.
 */
export class LightDomController<T> implements ReactiveController {
  value: T;
  private observer: MutationObserver | undefined;
  private last: string;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly read: (host: HTMLElement) => T,
    /** The attributes of the children that the reading depends on. */
    private readonly attributes: string[],
    initial: T,
  ) {
    this.value = initial;
    this.last = JSON.stringify(initial);
    host.addController(this);
  }

  hostConnected(): void {
    this.update();
    this.observer = new MutationObserver(() => {
      this.update();
    });
    this.observer.observe(this.host, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: this.attributes,
    });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  private update(): void {
    const value = this.read(this.host);
    const key = JSON.stringify(value);
    if (key === this.last) return;
    this.last = key;
    this.value = value;
    this.host.requestUpdate();
  }
}
