import { configureLocalization } from '@lit/localize';
import { expect, fixture, html } from '@open-wc/testing';
import type { CbClientFilters } from './client-filters/client-filters.component.js';
import { getLocale, message, setLocale } from './localize.js';
import './provider/provider.js';
import './client-filters/client-filters.js';

// A host page that uses @lit/localize itself (the same module instance) configured it before any Clientbase element.
configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['de'],
  loadLocale: async () => ({ templates: {} }),
});

describe('localize when @lit/localize is configured elsewhere', () => {
  it('keeps the elements working, in English', async () => {
    const provider = await fixture(
      html`<cb-provider locale="de"><cb-client-filters></cb-client-filters></cb-provider>`,
    );
    const filters = provider.querySelector('cb-client-filters') as CbClientFilters;
    await setLocale('de');
    await filters.updateComplete;
    expect(getLocale()).to.equal('en');
    expect(message('table.search')).to.equal('Search clients');
    expect(filters.shadowRoot!.querySelector('.add')!.textContent).to.contain('Add filter');
  });
});
