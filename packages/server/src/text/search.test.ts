import { describe, expect, it } from 'vitest';
import { escapeLike, foldForSearch } from './search';

describe('foldForSearch', () => {
  it('folds case, accents and letters Unicode does not decompose', () => {
    expect(foldForSearch('Łukasz', null, 'Søren-Straße')).toBe('lukasz soren-strasse');
    expect(foldForSearch('  José ', 'Zoë', 'ÁLVAREZ')).toBe('jose zoe alvarez');
  });

  it('escapes LIKE wildcards', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});
