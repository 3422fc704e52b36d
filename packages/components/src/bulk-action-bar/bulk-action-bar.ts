import { CbBulkActionBar } from './bulk-action-bar.component.js';

export { CbBulkActionBar };

if (!customElements.get('cb-bulk-action-bar')) customElements.define('cb-bulk-action-bar', CbBulkActionBar);

declare global {
  interface HTMLElementTagNameMap {
    'cb-bulk-action-bar': CbBulkActionBar;
  }
}
