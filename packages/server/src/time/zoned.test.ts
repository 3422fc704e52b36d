import { describe, expect, it } from 'vitest';
import { addDays, localDate, startOfDay, zonedInstant } from './zoned';

describe('zoned time', () => {
  it('finds local midnight in winter and summer time', () => {
    expect(startOfDay('2026-01-15', 'Europe/London').toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(startOfDay('2026-07-15', 'Europe/London').toISOString()).toBe('2026-07-14T23:00:00.000Z');
    expect(startOfDay('2026-07-15', 'America/New_York').toISOString()).toBe('2026-07-15T04:00:00.000Z');
  });

  it('handles the DST change days', () => {
    // Europe/Berlin springs forward on 2026-03-29 at 02:00 → 03:00.
    expect(zonedInstant('2026-03-29', '01:30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(zonedInstant('2026-03-29', '03:30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedInstant('2026-10-25', '12:00', 'Europe/Berlin').toISOString()).toBe('2026-10-25T11:00:00.000Z');
  });

  it('reads the local date of an instant and adds days across year ends', () => {
    expect(localDate(new Date('2026-12-31T23:30:00Z'), 'Europe/Berlin')).toBe('2027-01-01');
    expect(localDate(new Date('2026-12-31T23:30:00Z'), 'Europe/London')).toBe('2026-12-31');
    expect(addDays('2026-12-28', 8)).toBe('2027-01-05');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
