import { CbClientTable } from './client-table.component.js';

export { CbClientTable };

if (!customElements.get('cb-client-table')) customElements.define('cb-client-table', CbClientTable);

declare global {
  interface HTMLElementTagNameMap {
    'cb-client-table': CbClientTable;
  }
}
