import { CbClientImport } from './client-import.component.js';

export { CbClientImport };

if (!customElements.get('cb-client-import')) customElements.define('cb-client-import', CbClientImport);

declare global {
  interface HTMLElementTagNameMap {
    'cb-client-import': CbClientImport;
  }
}
