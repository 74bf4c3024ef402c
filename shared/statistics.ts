import { ofName } from './french.ts';
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

// ——— The month's statistics as every view shows them (API, back-office page, mail, CSV) ———

/** A figure as shown: `shown` is what is printed (« < 3 », « — », « 12 », « 67 % »); `value` draws a bar (0 when hidden). */
export interface StatisticsCell {
  shown: string;
  value: number;
}

/** One line of the table: the month, the year to date, the same month a year earlier. */
export interface StatisticsRow {
  key: string;
  label: string;
  cells: [StatisticsCell, StatisticsCell, StatisticsCell];
}

export interface StatisticsView {
  /** A network, or `national` for the roll-up of every network. */
  scope: { id: string; name: string };
  /** `YYYY-MM`, and as French writes it (« février 2027 »). */
  month: string;
  monthLabel: string;
  /** The three columns' headings. */
  columns: [string, string, string];
  /** Nothing received, decided, delivered in the month: the mail says so in two lines. */
  quiet: boolean;
  rows: StatisticsRow[];
  /** SMEs supported by size: a small breakdown, « < 3 » applied. */
  sizes: StatisticsRow[];
  /** Per competence of the catalogue: applications of the month asking for it; partners offering it at its end. */
  competences: { id: string; label: string; requested: StatisticsCell; offered: StatisticsCell }[];
  /** The roll-up only: each network's month. */
  networks?: { id: string; name: string; cells: StatisticsCell[] }[];
  /** The roll-up's per-network table headings. */
  networkColumns?: string[];
}

const frenchInteger = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const frenchDecimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** « 1 234 » with a narrow no-break space, as French typesets numbers. */
export const frenchNumber = (value: number): string =>
  (Number.isInteger(value) ? frenchInteger : frenchDecimal).format(value).replace(/[\u00a0 ]/g, '\u202f');

/** « 67 % »: a narrow no-break space before the sign. */
export const frenchPercent = (ratio: number): string => `${frenchNumber(Math.round(ratio * 100))}\u202f%`;

/** The bars of the month's column: the page and the mail draw the same ones. */
export const statisticsCharts = (view: StatisticsView): { caption: string; bars: Bar[] }[] => {
  const bar = (row: StatisticsRow): Bar => ({
    label: row.label,
    shown: row.cells[0].shown,
    value: row.cells[0].value,
  });
  const pick = (keys: readonly string[]) => view.rows.filter((row) => keys.includes(row.key)).map(bar);
  return [
    {
      caption: `Candidatures — ${view.monthLabel}`,
      bars: pick(['received', 'qualified', 'approved', 'rejected']),
    },
    {
      caption: `Missions et demi-journées — ${view.monthLabel}`,
      bars: pick([
        'missionsStarted',
        'missionsActive',
        'missionsClosed',
        'halfDaysPlanned',
        'halfDaysDelivered',
      ]),
    },
    { caption: 'PME accompagnées par taille', bars: view.sizes.map(bar) },
    {
      caption: 'Compétences demandées dans le mois',
      bars: view.competences.map((competence) => ({
        label: competence.label,
        shown: competence.requested.shown,
        value: competence.requested.value,
      })),
    },
    {
      caption: 'Entreprises partenaires qui offrent chaque compétence',
      bars: view.competences.map((competence) => ({
        label: competence.label,
        shown: competence.offered.shown,
        value: competence.offered.value,
      })),
    },
  ].filter((chart) => chart.bars.length > 0);
};

const cellStyle = 'padding:4px 8px;border-bottom:1px solid #ddd;text-align:right;white-space:nowrap';
const headStyle = 'padding:4px 8px;border-bottom:2px solid #0b4f8a;text-align:right';
const labelStyle = 'padding:4px 8px 4px 0;border-bottom:1px solid #ddd;text-align:left;font-weight:normal';

const figureTable = (caption: string, columns: readonly string[], rows: readonly StatisticsRow[]) =>
  html`<table style="border-collapse:collapse;width:100%;margin:8px 0 16px">
<caption style="text-align:left;font-weight:bold;padding:4px 0">${caption}</caption>
<thead><tr><th scope="col" style="${labelStyle}">Chiffre</th>${columns.map((column) => html`<th scope="col" style="${headStyle}">${column}</th>`)}</tr></thead>
<tbody>
${rows.map(
  (
    row,
  ) => html`<tr data-figure="${row.key}"><th scope="row" style="${labelStyle}">${row.label}</th>${row.cells.map((cell) => html`<td style="${cellStyle}">${cell.shown}</td>`)}</tr>
`,
)}</tbody></table>`;

/**
 * The month's figures as HTML, the same markup in the mail and on the back-office page: the table
 * (month, year to date, a year earlier), the bars, the definitions under them. A quiet month says so.
 */
export const statisticsHtml = (view: StatisticsView): SafeHtml => {
  if (view.quiet) {
    return html`<p data-quiet>Rien de nouveau en ${view.monthLabel} pour ${view.scope.name}\u00a0: aucune candidature reçue, aucune décision de comité, aucune demi-journée réalisée.</p>
<p>Le tableau complet reviendra le mois où il y aura quelque chose à compter. Les missions actives du mois\u00a0: ${view.rows.find((row) => row.key === 'missionsActive')?.cells[0].shown ?? '0'}.</p>`;
  }
  return html`${figureTable(`Les chiffres ${ofName(view.monthLabel)}`, view.columns, view.rows)}
${figureTable('PME accompagnées par taille', view.columns, view.sizes)}
${
  view.networks && view.networkColumns
    ? html`<table style="border-collapse:collapse;width:100%;margin:8px 0 16px">
<caption style="text-align:left;font-weight:bold;padding:4px 0">Par réseau, ${view.monthLabel}</caption>
<thead><tr>${view.networkColumns.map((column, index) => html`<th scope="col" style="${index === 0 ? labelStyle : headStyle}">${column}</th>`)}</tr></thead>
<tbody>
${view.networks.map(
  (
    network,
  ) => html`<tr data-network="${network.id}"><th scope="row" style="${labelStyle}">${network.name}</th>${network.cells.map((cell) => html`<td style="${cellStyle}">${cell.shown}</td>`)}</tr>
`,
)}</tbody></table>`
    : new SafeHtml('')
}
${statisticsCharts(view).map((chart) => barsHtml(chart.caption, chart.bars))}
<h2 style="font-size:16px;margin:24px 0 8px">Ce que compte chaque chiffre</h2>
<dl style="font-size:13px;margin:0">
${figureDefinitions.map(
  (
    definition,
  ) => html`<dt style="font-weight:bold">${definition.figure}</dt><dd style="margin:0 0 6px">${definition.counts}</dd>
`,
)}</dl>
<p style="font-size:13px">Dans une répartition (taille, compétence), moins de trois entreprises s’écrit «\u202f&lt;\u00a03\u202f», pour qu’aucune ne puisse être reconnue.</p>`;
};

const textTable = (columns: readonly string[], rows: readonly StatisticsRow[]) => {
  const width = Math.max(...rows.map((row) => row.label.length), 8);
  const cellWidth = Math.max(...columns.map((column) => column.length), 8);
  return [
    `${''.padEnd(width)}  ${columns.map((column) => column.padStart(cellWidth)).join('  ')}`,
    ...rows.map(
      (row) =>
        `${row.label.padEnd(width)}  ${row.cells.map((cell) => cell.shown.padStart(cellWidth)).join('  ')}`,
    ),
  ].join('\n');
};

/** The same, in the text twin of the mail. */
export const statisticsText = (view: StatisticsView): string => {
  if (view.quiet) {
    return [
      `Rien de nouveau en ${view.monthLabel} pour ${view.scope.name}\u00a0: aucune candidature reçue, aucune décision de comité, aucune demi-journée réalisée.`,
      `Le tableau complet reviendra le mois où il y aura quelque chose à compter. Les missions actives du mois\u00a0: ${view.rows.find((row) => row.key === 'missionsActive')?.cells[0].shown ?? '0'}.`,
    ].join('\n\n');
  }
  return [
    `Les chiffres ${ofName(view.monthLabel)}`,
    textTable(view.columns, view.rows),
    'PME accompagnées par taille',
    textTable(view.columns, view.sizes),
    ...(view.networks && view.networkColumns
      ? [
          `Par réseau, ${view.monthLabel}`,
          ...view.networks.map(
            (network) =>
              `  ${network.name}\u00a0: ${network.cells.map((cell, index) => `${view.networkColumns?.[index + 1]} ${cell.shown}`).join(', ')}`,
          ),
        ]
      : []),
    ...statisticsCharts(view).map((chart) => barsText(chart.caption, chart.bars)),
    'Ce que compte chaque chiffre',
    ...figureDefinitions.map((definition) => `- ${definition.figure}\u00a0: ${definition.counts}`),
    'Dans une répartition (taille, compétence), moins de trois entreprises s’écrit «\u202f<\u00a03\u202f», pour qu’aucune ne puisse être reconnue.',
  ].join('\n\n');
};
