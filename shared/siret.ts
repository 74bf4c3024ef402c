/**
 * A SIRET is 14 digits whose Luhn sum is a multiple of 10 — except La Poste's establishments
 * (SIREN 356 000 000), whose digits instead add up to a multiple of 5.
 */
const laPosteSiren = '356000000';

export const normaliseSiret = (raw: string): string => raw.replace(/[\s.-]/g, '');

export const isValidSiret = (raw: string): boolean => {
  const siret = normaliseSiret(raw);
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith(laPosteSiren)) {
    const sum = [...siret].reduce((total, digit) => total + Number(digit), 0);
    return sum % 5 === 0;
  }
  let sum = 0;
  for (let index = 0; index < 14; index++) {
    let digit = Number(siret[13 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
};
