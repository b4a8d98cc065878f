import { readOption, textBySlot } from '../shared/options.js';
import { isEffort, type Branch, type Fruit } from './tree-model.js';

/** A fruit whose `effort` could not be used: it is treated as `once`, and the web team told. */
export interface EffortNote {
  fruit: string;
  value: string;
}

export interface BranchReading {
  branches: Branch[];
  effortNotes: EffortNote[];
}

/** A slug from a branch's label when it has no `value`: "Shape decisions" → "shape-decisions". */
export function slugFrom(label: string): string {
  return label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function readFruit(element: Element, notes: EffortNote[]): Fruit | undefined {
  const option = readOption(element);
  if (!option) return undefined;
  const effort = element.getAttribute('effort');
  if (effort !== null && !isEffort(effort)) notes.push({ fruit: option.value, value: effort });
  const info = textBySlot(element).get('info');
  return {
    ...option,
    effort: isEffort(effort) ? effort : 'once',
    needsContact: element.hasAttribute('contact'),
    ...(info ? { info } : {}),
  };
}

/**
 * Reads `<participate-branch value="shape-decisions" label="Shape decisions">` children, each
 * holding `<participate-option value="citizens-panel" effort="regular" contact>` fruits with
 * an optional `slot="description"` and `slot="info"`. Text only: markup is never rendered.
 */
export function readBranches(host: Element): BranchReading {
  const effortNotes: EffortNote[] = [];
  const branches = [...host.querySelectorAll(':scope > participate-branch')].map((element) => {
    const label = (element.getAttribute('label') ?? '').replace(/\s+/g, ' ').trim();
    // An empty value="" counts as none given.
    let value = element.getAttribute('value')?.trim() ?? '';
    if (!value) value = slugFrom(label);
    const fruits = [...element.querySelectorAll(':scope > participate-option')]
      .map((option) => readFruit(option, effortNotes))
      .filter((fruit): fruit is Fruit => fruit !== undefined);
    return { value, label: label || value, fruits };
  });
  return { branches, effortNotes };
}
