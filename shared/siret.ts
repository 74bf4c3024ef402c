/**
 * A SIRET is 14 digits whose Luhn sum is a multiple of 10 — except La Poste's establishments
 * (SIREN 356 000 000), numbered so that their digits add up to a multiple of 5 instead. La Poste's
 * head office (356 000 000 00048) keeps a Luhn key, so a La Poste SIRET passes either way.
 */
const laPosteSiren = '356000000';

export const normaliseSiret = (raw: string): string => raw.replace(/[\s.-]/g, '');

const luhnValid = (digits: string): boolean => {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
};

export const isValidSiret = (raw: string): boolean => {
  const siret = normaliseSiret(raw);
  if (!/^\d{14}$/.test(siret)) return false;
  if (luhnValid(siret)) return true;
  if (!siret.startsWith(laPosteSiren)) return false;
  const sum = [...siret].reduce((total, digit) => total + Number(digit), 0);
  return sum % 5 === 0;
};
