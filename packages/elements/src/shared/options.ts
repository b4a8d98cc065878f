/** A choice an author offers through light-DOM `<participate-option>` children or a property. */
export interface ParticipateOption {
  value: string;
  label: string;
  description?: string;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * An element's text, split by slot: text outside any slotted child under `''`, each
 * `slot="…"` child's text under its name. Text only: markup is never rendered.
 */
export function textBySlot(element: Element): Map<string, string> {
  const texts = new Map<string, string>();
  for (const node of element.childNodes) {
    // Text and elements only: a comment (a CMS note, a framework's marker) is not a label.
    if (!(node instanceof Text || node instanceof Element)) continue;
    const slot = node instanceof Element ? (node.getAttribute('slot') ?? '') : '';
    texts.set(slot, (texts.get(slot) ?? '') + node.textContent);
  }
  for (const [slot, text] of texts) texts.set(slot, collapse(text));
  return texts;
}

/** One `<participate-option>` as text, or undefined when it has no value. */
export function readOption(element: Element): ParticipateOption | undefined {
  const value = element.getAttribute('value')?.trim();
  if (!value) return undefined;
  const texts = textBySlot(element);
  const label = texts.get('') ?? '';
  const option: ParticipateOption = { value, label: label === '' ? value : label };
  const description = texts.get('description');
  if (description) option.description = description;
  return option;
}

/**
 * Reads `<participate-option value="…">Label<span slot="description">…</span></participate-option>`
 * children as plain text: markup in a label is never rendered.
 */
export function readOptions(host: Element): ParticipateOption[] {
  return [...host.querySelectorAll(':scope > participate-option')]
    .map(readOption)
    .filter((option): option is ParticipateOption => option !== undefined);
}
