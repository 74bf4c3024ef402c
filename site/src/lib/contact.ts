/**
 * How a public contact of the settings reads on a page: a phone number that never breaks across
 * lines and that a phone can dial, an address line by line.
 */

/** `02 61 91 36 00` → `02 61 91 36 00` with no-break spaces. */
export const phoneText = (phone: string): string => phone.trim().replace(/[\s\u00a0]+/g, '\u00a0');

/** `02 61 91 36 00` → `tel:+33261913600`; `+352 2789 0057` → `tel:+35227890057`. */
export const phoneHref = (phone: string): string => {
  const digits = phone.replace(/[^\d+]/g, '');
  return `tel:${digits.startsWith('0') ? `+33${digits.slice(1)}` : digits}`;
};
