/** `de` before a name, elided before a vowel: « l’équipe d’Alizé Indre », « l’équipe de Cher Entreprendre ». */
export const ofName = (name: string): string =>
  /^[aeiouyàâäéèêëîïôöùûü]/i.test(name) ? `d’${name}` : `de ${name}`;

/** A phone number or a SIRET as printed, its groups held together by no-break spaces. */
export const readableNumber = (value: string): string => value.trim().replace(/ +/g, '\u00a0');
