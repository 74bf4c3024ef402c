/** `de` before a name, elided before a vowel: « l’équipe d’Alizé Indre », « l’équipe de Cher Entreprendre ». */
export const ofName = (name: string): string =>
  /^[aeiouyàâäéèêëîïôöùûü]/i.test(name) ? `d’${name}` : `de ${name}`;
