import { CbProvider } from './provider.component.js';

export { CbProvider };

if (!customElements.get('cb-provider')) customElements.define('cb-provider', CbProvider);

declare global {
  interface HTMLElementTagNameMap {
    'cb-provider': CbProvider;
  }
}
