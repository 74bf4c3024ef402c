import { describe, expect, it } from 'vitest';
import { formatReference, referencePattern } from '../../functions/domain/public-forms/reference.ts';
import { parisYear } from '../../shared/dates.ts';

describe('a reference', () => {
  it('reads prefix, département, year and a four-digit sequence', () => {
    expect(formatReference('application', '36', 2026, 42)).toBe('ALZ-36-2026-0042');
    expect(formatReference('partnerOffer', '2A', 2026, 7)).toBe('PART-2A-2026-0007');
    expect(formatReference('contactMessage', 'FR', 2027, 1)).toBe('MSG-FR-2027-0001');
    expect(formatReference('application', '974', 2026, 3)).toBe('ALZ-974-2026-0003');
  });

  it('grows past 9999 rather than wrapping', () => {
    expect(formatReference('application', '36', 2026, 12345)).toBe('ALZ-36-2026-12345');
  });

  it('refuses a sequence that a counter cannot give', () => {
    expect(() => formatReference('application', '36', 2026, 0)).toThrow(RangeError);
    expect(() => formatReference('application', '36', 2026, 1.5)).toThrow(RangeError);
  });

  it('matches the published pattern', () => {
    for (const reference of [
      'ALZ-36-2026-0042',
      'PART-2B-2026-0001',
      'MSG-FR-2026-0001',
      'ALZ-971-2026-0001',
    ]) {
      expect(reference).toMatch(referencePattern);
    }
    expect('ALZ-36-26-0042').not.toMatch(referencePattern);
  });

  it('takes the year in Paris: New Year’s Eve at 23:30 in Paris is still the old year', () => {
    expect(parisYear(new Date('2026-12-31T22:30:00Z'))).toBe(2026);
    expect(parisYear(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
  });
});
