import { html } from 'lit';

/** Four options as a CMS author would write them, one with a description: the ranking tests' usual list. */
export const RANKING_OPTIONS = html`
  <participate-option value="gp-access"
    >Easier GP appointments<span slot="description">Booking online or by phone</span></participate-option
  >
  <participate-option value="mental-health">Mental health support</participate-option>
  <participate-option value="waiting-lists">Shorter waiting lists</participate-option>
  <participate-option value="transport">Transport to hospital</participate-option>
`;
