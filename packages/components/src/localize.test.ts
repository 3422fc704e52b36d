import { expect } from '@open-wc/testing';
import { getLocale, message, resolveLocale, setLocale } from './localize.js';

describe('localize', () => {
  after(() => setLocale('en'));

  it('maps BCP 47 tags to a supported locale, else English', () => {
    expect(resolveLocale('de-AT')).to.equal('de');
    expect(resolveLocale('DE')).to.equal('de');
    expect(resolveLocale('en_GB')).to.equal('en');
    expect(resolveLocale('fr-FR')).to.equal('en');
    expect(resolveLocale('')).to.equal('en');
    expect(resolveLocale(null)).to.equal('en');
  });

  it('speaks English, the source, until another locale is set', () => {
    expect(getLocale()).to.equal('en');
    expect(message('table.search')).to.equal('Search clients');
    expect(message('filters.segmentSaved', { name: 'VIP' })).to.equal('Segment “VIP” saved.');
  });

  it('loads the German templates and fills placeholders in them', async () => {
    await setLocale('de');
    expect(getLocale()).to.equal('de');
    expect(message('table.search')).to.equal('Kunden suchen');
    expect(message('table.lock', { column: 'Telefon' })).to.equal('Telefon links fixieren');
    expect(message('filters.segmentSaved', { name: 'VIP' })).to.equal('Segment „VIP“ gespeichert.');
    expect(message('table.selectRow', {})).to.equal('{name} auswählen');

    await setLocale('en');
    expect(getLocale()).to.equal('en');
    expect(message('table.search')).to.equal('Search clients');
  });
});
