import { ParticipateFruitTree } from '../fruit-tree/fruit-tree.js';

export { ParticipateFruitTree };

// Defining twice (two copies of the script on one page) must not throw and break the page.
if (!customElements.get('participate-fruit-tree')) {
  customElements.define('participate-fruit-tree', ParticipateFruitTree);
}

declare global {
  interface HTMLElementTagNameMap {
    'participate-fruit-tree': ParticipateFruitTree;
  }
}
