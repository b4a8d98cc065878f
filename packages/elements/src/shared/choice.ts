import { html, type TemplateResult } from 'lit';

export interface ChoiceOptions {
  type: 'radio' | 'checkbox';
  id: string;
  name: string;
  value: string;
  label: string;
  checked: boolean;
  onChange: (event: Event) => void;
}

/** One native radio or checkbox with its label, as an item of a `.choices` list. */
export function choice({ type, id, name, value, label, checked, onChange }: ChoiceOptions): TemplateResult {
  return html`
    <li class="choice">
      <input
        part="control"
        type=${type}
        id=${id}
        name=${name}
        .value=${value}
        .checked=${checked}
        @change=${onChange}
      />
      <label for=${id}>${label}</label>
    </li>
  `;
}
