/** A choice an author offers through light-DOM `<participate-option>` children or a property. */
export interface ParticipateOption {
  value: string;
  label: string;
  description?: string;
}

/**
 * Reads `<participate-option value="…">Label<span slot="description">…</span></participate-option>`
 * children as plain text: markup in a label is never rendered.
 */
export function readOptions(host: Element): ParticipateOption[] {
  const options: ParticipateOption[] = [];
  for (const element of host.querySelectorAll(':scope > participate-option')) {
    const value = element.getAttribute('value')?.trim();
    if (!value) continue;
    let label = '';
    let description = '';
    for (const node of element.childNodes) {
      const isDescription = node instanceof Element && node.getAttribute('slot') === 'description';
      if (isDescription) description += node.textContent;
      else label += node.textContent ?? '';
    }
    const option: ParticipateOption = { value, label: label.replace(/\s+/g, ' ').trim() || value };
    const trimmedDescription = description.replace(/\s+/g, ' ').trim();
    if (trimmedDescription) option.description = trimmedDescription;
    options.push(option);
  }
  return options;
}
