import { describe, expect, it } from 'vitest';
import { applicationSchema } from '../../shared/application.ts';
import { isValidSiret, normaliseSiret } from '../../shared/siret.ts';

describe('a SIRET number', () => {
  it.each([
    ['73282932000074', 'a company whose Luhn key is right'],
    ['732 829 320 00074', 'the same, typed with spaces'],
    ['732.829.320-00074', 'the same, typed with dots and a hyphen'],
  ])('is valid: %s (%s)', (siret) => {
    expect(isValidSiret(siret)).toBe(true);
  });

  it.each([
    ['73282932000075', 'one digit off'],
    ['7328293200007', '13 digits'],
    ['732829320000744', '15 digits'],
    ['7328293200007A', 'a letter'],
    ['', 'nothing'],
  ])('is invalid: %s (%s)', (siret) => {
    expect(isValidSiret(siret)).toBe(false);
  });

  describe('of La Poste (SIREN 356 000 000)', () => {
    it('is valid when its digits add up to a multiple of 5, though its Luhn key is wrong', () => {
      // 3+5+6+1 = 15; Luhn sum 15, not a multiple of 10
      expect(isValidSiret('35600000000001')).toBe(true);
    });

    it('is valid for the head office, which keeps a Luhn key (digits adding up to 26)', () => {
      expect(isValidSiret('35600000000048')).toBe(true);
    });

    it('is invalid when neither rule holds', () => {
      // 3+5+6+1+3 = 18, and the Luhn sum (19) is not a multiple of 10 either
      expect(isValidSiret('35600000000013')).toBe(false);
    });

    it('is no exception for another SIREN whose digits add up to a multiple of 5', () => {
      // 1+2+…+9 = 45, a multiple of 5; the Luhn sum is not a multiple of 10
      expect(isValidSiret('12345678900000')).toBe(false);
    });
  });

  it('is stored without separators, and refused in French by the application schema', () => {
    expect(normaliseSiret(' 356 000 000 00001 ')).toBe('35600000000001');
    const siret = applicationSchema.shape.company.shape.siret;
    expect(siret.parse('356 000 000 00001')).toBe('35600000000001');
    expect(siret.safeParse('73282932000075').error?.issues.map((i) => i.message)).toEqual([
      'Ce numéro SIRET n’existe pas\u00a0: vérifiez les chiffres.',
    ]);
  });

  it('is refused when made of zeros, though zeros pass the Luhn check', () => {
    const siret = applicationSchema.shape.company.shape.siret;
    expect(siret.safeParse('000 000 000 00000').error?.issues.map((i) => i.message)).toEqual([
      'Un numéro SIRET ne commence jamais par neuf zéros\u00a0: vérifiez les chiffres.',
    ]);
    // A SIREN of zeros, whatever the establishment number
    expect(siret.safeParse('00000000000018').success).toBe(false);
  });
});
