import { CbClientFilters } from './client-filters.component.js';

export { CbClientFilters };

if (!customElements.get('cb-client-filters')) customElements.define('cb-client-filters', CbClientFilters);

declare global {
  interface HTMLElementTagNameMap {
    'cb-client-filters': CbClientFilters;
  }
}
