/**
 * What the enhanced forms say when sending fails. Field-level messages come from the zod schemas
 * (browser) or from the server's answer, never from here.
 */
export const sendingMessages = {
  sending: 'Envoi en cours…',
  network:
    'Le formulaire n’a pas pu être envoyé\u00a0: la connexion semble interrompue. Vérifiez votre connexion à Internet, puis envoyez-le de nouveau. Vos réponses sont conservées.',
  tooLarge:
    'Le formulaire est trop volumineux pour être envoyé\u00a0: raccourcissez les textes les plus longs, puis envoyez-le de nouveau.',
  tooMany:
    'Trop d’envois ont été faits depuis votre connexion. Patientez quelques minutes, puis envoyez de nouveau le formulaire\u00a0: vos réponses sont conservées.',
  server:
    'Une erreur est survenue de notre côté et le formulaire n’a pas été enregistré. Réessayez dans quelques minutes. Si le problème persiste, contactez l’opérateur de votre réseau, indiqué sur la page Les réseaux.',
} as const;
