import { html } from './html.ts';

/**
 * What a staff notification adds about submissions held back as suspected bots: they are kept, not
 * mailed, so the staff must hear that they exist (until the back office lists them).
 */
export const quarantineNote = (count: number | undefined) => {
  if (!count) return undefined;
  const what =
    count === 1
      ? 'un envoi reçu ces 30 derniers jours a été mis de côté'
      : `${count} envois reçus ces 30 derniers jours ont été mis de côté`;
  const text = `À noter\u00a0: ${what} parce qu’il${count === 1 ? '' : 's'} ressemblai${count === 1 ? 't' : 'ent'} à l’œuvre d’un robot (formulaire rempli en quelques secondes, ou champ caché rempli). ${count === 1 ? 'Il est conservé' : 'Ils sont conservés'} 30 jours sans être transmis\u00a0: si une personne vous dit avoir reçu une référence sans accusé de réception, sa demande en fait sans doute partie.`;
  return { text, html: html`<p style="background:#fff4d6;padding:8px 12px">${text}</p>` };
};
