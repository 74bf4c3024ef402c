import { html, SafeHtml } from './html.ts';

/**
 * What each figure of the monthly statistics counts, in the words the mail, the back-office page and
 * the README print under the table, so that a reader knows what was counted (month M of network N,
 * dates read on the Paris calendar). Their order is the table's.
 */
export const figureDefinitions = [
  {
    figure: 'Candidatures reçues',
    counts:
      'candidatures du réseau reçues dans le mois, quelle que soit leur origine\u00a0; les envois retenus en quarantaine ne comptent pas',
  },
  {
    figure: 'Candidatures qualifiées',
    counts: 'candidatures passées à «\u202fqualifiée\u202f» dans le mois',
  },
  {
    figure: 'Agréées, refusées',
    counts: 'décisions des comités d’agrément tenus dans le mois (un report n’est pas une décision)',
  },
  {
    figure: 'Taux d’agrément',
    counts:
      'agréées ÷ (agréées + refusées) du mois\u00a0; «\u202f—\u202f» quand aucune décision n’a été prise',
  },
  {
    figure: 'Délai médian de décision',
    counts:
      'jours calendaires de la réception au comité, sur les candidatures agréées ou refusées dans le mois',
  },
  {
    figure: 'Missions commencées, clôturées',
    counts: 'missions dont la première demi-journée réalisée, ou la clôture, tombe dans le mois',
  },
  {
    figure: 'Missions actives',
    counts: 'missions commencées avant la fin du mois et non clôturées avant son début',
  },
  {
    figure: 'Demi-journées prévues, réalisées',
    counts: 'interventions datées du mois\u00a0: prévues et non annulées\u00a0; réalisées',
  },
  {
    figure: 'Entreprises partenaires, salariés mobilisés',
    counts:
      'entreprises partenaires et salariés volontaires distincts ayant réalisé une demi-journée dans le mois',
  },
  {
    figure: 'PME accompagnées par taille',
    counts:
      'entreprises distinctes ayant une mission active dans le mois\u00a0: TPE (moins de 10\u00a0salariés) et PME (10 à 249)',
  },
  {
    figure: 'Emplois annoncés',
    counts: 'emplois à créer et à maintenir déclarés par les candidatures agréées dans le mois',
  },
  {
    figure: 'Résultats',
    counts:
      'emplois créés et maintenus déclarés par les missions clôturées dans le mois, et par les suivis à 12 et 24\u00a0mois reçus dans le mois',
  },
  {
    figure: 'Compétences demandées, offertes',
    counts:
      'pour chaque compétence du catalogue du réseau\u00a0: candidatures reçues dans le mois qui la demandent\u00a0; entreprises partenaires qui l’offrent à la fin du mois',
  },
  {
    figure: 'Depuis le 1er janvier\u00a0; un an plus tôt',
    counts:
      'les mêmes comptes du 1er janvier à la fin du mois\u00a0; et pour le même mois de l’année précédente',
  },
] as const;

export interface Bar {
  label: string;
  /** What is printed: a number, or « < 3 » for a count too small to show. */
  shown: string;
  /** The bar's length; 0 for a hidden count, so that its size gives nothing away. */
  value: number;
}

const barColour = '#0b4f8a';

/**
 * Bars every mail client draws: a table whose cells are coloured by width, no image, no script,
 * no CSS beyond inline styles. The same markup serves the back-office page.
 */
export const barsHtml = (caption: string, bars: readonly Bar[]): SafeHtml => {
  const longest = Math.max(1, ...bars.map((bar) => bar.value));
  return html`<table role="presentation" style="border-collapse:collapse;width:100%;margin:8px 0 16px">
<caption style="text-align:left;font-weight:bold;padding:4px 0">${caption}</caption>
${bars.map((bar) => {
  const width = Math.round((bar.value / longest) * 100);
  return html`<tr><th scope="row" style="text-align:left;font-weight:normal;padding:2px 8px 2px 0;width:40%">${bar.label}</th><td style="padding:2px 0"><table role="presentation" style="border-collapse:collapse;width:100%"><tr>${
    width > 0
      ? html`<td style="background:${barColour};width:${width}%;height:14px;font-size:0;line-height:0">&nbsp;</td>`
      : new SafeHtml('')
  }<td style="padding-left:6px;white-space:nowrap">${bar.shown}</td></tr></table></td></tr>
`;
})}</table>`;
};

/** The same bars in a text mail: a row of blocks, 20 at most. */
export const barsText = (caption: string, bars: readonly Bar[]): string => {
  const longest = Math.max(1, ...bars.map((bar) => bar.value));
  const labelWidth = Math.max(...bars.map((bar) => bar.label.length), 0);
  return [
    caption,
    ...bars.map(
      (bar) =>
        `  ${bar.label.padEnd(labelWidth)}  ${'█'.repeat(Math.round((bar.value / longest) * 20))} ${bar.shown}`,
    ),
  ].join('\n');
};
