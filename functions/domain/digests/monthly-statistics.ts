import { frenchMonth } from '../../../shared/dates.ts';
import type { DirectoryChange } from '../../../shared/partners.ts';
import {
  frenchNumber,
  frenchPercent,
  type StatisticsCell,
  type StatisticsRow,
  type StatisticsView,
} from '../../../shared/statistics.ts';
import { parisMonthStart } from './facts.ts';
import {
  type ApplicationFacts,
  type MissionFacts,
  type PeriodFigures,
  periodFigures,
  periodsOf,
  type SizeClass,
} from './network-figures.ts';
import { hiddenCount, protectSmallCounts, type ShownCount } from './small-counts.ts';

/**
 * The one computation behind the API, the back-office page, the mail and the CSV: a network's (or
 * every network's) facts → what each view prints, small counts already hidden, numbers already
 * typeset. Pure: the facts are read elsewhere, the catalogue is passed in.
 */
export interface CatalogueAtHand {
  competences: readonly {
    id: string;
    label: string;
    createdAt: string;
    history: readonly DirectoryChange[];
    partnerIds: readonly string[];
  }[];
  partners: readonly { id: string; createdAt: string; history: readonly DirectoryChange[] }[];
}

export interface NetworkFacts {
  id: string;
  name: string;
  applications: readonly ApplicationFacts[];
  missions: readonly MissionFacts[];
  catalogue: CatalogueAtHand;
}

/** Whether a directory record existed and was active at an instant, from its own audit trail. */
const activeAt = (record: { createdAt: string; history: readonly DirectoryChange[] }, at: string) => {
  if (record.createdAt > at) return false;
  let active = true;
  for (const line of record.history) {
    if (line.at > at) break;
    if (line.change === 'retired') active = false;
    if (line.change === 'reinstated' || line.change === 'created') active = true;
  }
  return active;
};

const count = (value: number): StatisticsCell => ({ shown: frenchNumber(value), value });
const shownCount = (value: ShownCount): StatisticsCell =>
  value === hiddenCount ? { shown: hiddenCount, value: 0 } : count(value);
const dash: StatisticsCell = { shown: '—', value: 0 };

type Three<T> = [T, T, T];

const lines: { key: string; label: string; cell: (f: PeriodFigures) => StatisticsCell }[] = [
  { key: 'received', label: 'Candidatures reçues', cell: (f) => count(f.received) },
  { key: 'qualified', label: 'Candidatures qualifiées', cell: (f) => count(f.qualified) },
  { key: 'approved', label: 'Agréées', cell: (f) => count(f.approved) },
  { key: 'rejected', label: 'Refusées', cell: (f) => count(f.rejected) },
  {
    key: 'approvalRate',
    label: 'Taux d’agrément',
    cell: (f) =>
      f.approvalRate === null ? dash : { shown: frenchPercent(f.approvalRate), value: f.approvalRate * 100 },
  },
  {
    key: 'medianDaysToDecision',
    label: 'Délai médian de décision (jours)',
    cell: (f) => (f.medianDaysToDecision === null ? dash : count(f.medianDaysToDecision)),
  },
  { key: 'missionsStarted', label: 'Missions commencées', cell: (f) => count(f.missionsStarted) },
  { key: 'missionsActive', label: 'Missions actives', cell: (f) => count(f.missionsActive) },
  { key: 'missionsClosed', label: 'Missions clôturées', cell: (f) => count(f.missionsClosed) },
  { key: 'halfDaysPlanned', label: 'Demi-journées prévues', cell: (f) => count(f.halfDaysPlanned) },
  { key: 'halfDaysDelivered', label: 'Demi-journées réalisées', cell: (f) => count(f.halfDaysDelivered) },
  {
    key: 'partnersEngaged',
    label: 'Entreprises partenaires mobilisées',
    cell: (f) => count(f.partnersEngaged),
  },
  { key: 'volunteersEngaged', label: 'Salariés mobilisés', cell: (f) => count(f.volunteersEngaged) },
  { key: 'jobsToCreate', label: 'Emplois à créer annoncés', cell: (f) => count(f.jobsDeclared.toCreate) },
  {
    key: 'jobsToMaintain',
    label: 'Emplois à maintenir annoncés',
    cell: (f) => count(f.jobsDeclared.toMaintain),
  },
  {
    key: 'jobsCreatedAtClosing',
    label: 'Emplois créés (bilans de clôture)',
    cell: (f) => count(f.outcomesAtClosing.jobsCreated),
  },
  {
    key: 'jobsMaintainedAtClosing',
    label: 'Emplois maintenus (bilans de clôture)',
    cell: (f) => count(f.outcomesAtClosing.jobsMaintained),
  },
  {
    key: 'jobsCreatedAtFollowUp',
    label: 'Emplois créés (suivis à 12 et 24\u00a0mois)',
    cell: (f) => count(f.outcomesAtFollowUp.jobsCreated),
  },
  {
    key: 'jobsMaintainedAtFollowUp',
    label: 'Emplois maintenus (suivis à 12 et 24\u00a0mois)',
    cell: (f) => count(f.outcomesAtFollowUp.jobsMaintained),
  },
];

const sizeLabels: Record<SizeClass, string> = {
  tpe: 'TPE (moins de 10\u00a0salariés)',
  pme: 'PME (10 à 249\u00a0salariés)',
  unknown: 'Taille non renseignée',
};

export const networkColumns = [
  'Réseau',
  'Reçues',
  'Agréées',
  'Refusées',
  'Missions actives',
  'Demi-journées réalisées',
];

export const statisticsView = (input: {
  scope: { id: string; name: string };
  month: string;
  networks: readonly NetworkFacts[];
  /** The roll-up: figures over every network together, with a table per network. */
  rollUp: boolean;
}): StatisticsView => {
  const periods = periodsOf(input.month);
  const applications = input.networks.flatMap((network) => network.applications);
  const missions = input.networks.flatMap((network) => network.missions);
  const figures: Three<PeriodFigures> = [
    periodFigures(applications, missions, periods.month),
    periodFigures(applications, missions, periods.yearToDate),
    periodFigures(applications, missions, periods.yearEarlier),
  ];
  const [month] = figures;

  const sizeKeys: SizeClass[] = ['tpe', 'pme', 'unknown'];
  const protectedSizes = figures.map((f) =>
    protectSmallCounts(sizeKeys.map((key) => ({ key, count: f.smesBySize[key] }))),
  );
  const sizes: StatisticsRow[] = sizeKeys.map((key) => ({
    key,
    label: sizeLabels[key],
    cells: protectedSizes.map((breakdown) =>
      shownCount(breakdown.cells.find((cell) => cell.key === key)?.count ?? 0),
    ) as Three<StatisticsCell>,
  }));

  const endOfMonth = periodsEnd(input.month);
  const competences = input.rollUp
    ? []
    : input.networks.flatMap((network) => {
        const listed = [...network.catalogue.competences]
          .sort((a, b) => a.label.localeCompare(b.label, 'fr'))
          .filter(
            (competence) =>
              activeAt(competence, endOfMonth) || (month.competencesRequested[competence.id] ?? 0) > 0,
          );
        const requested = protectSmallCounts(
          listed.map((competence) => ({
            key: competence.id,
            count: month.competencesRequested[competence.id] ?? 0,
          })),
        );
        const partnersActive = new Set(
          network.catalogue.partners.filter((partner) => activeAt(partner, endOfMonth)).map((p) => p.id),
        );
        return listed.map((competence, index) => ({
          id: competence.id,
          label: competence.label,
          requested: shownCount(requested.cells[index]?.count ?? 0),
          offered: count(
            activeAt(competence, endOfMonth)
              ? competence.partnerIds.filter((partnerId) => partnersActive.has(partnerId)).length
              : 0,
          ),
        }));
      });

  const year = input.month.slice(0, 4);
  return {
    scope: input.scope,
    month: input.month,
    monthLabel: frenchMonth(input.month),
    columns: [
      frenchMonth(input.month),
      `Depuis le 1er janvier ${year}`,
      frenchMonth(periods.yearEarlier.from),
    ],
    quiet: month.received === 0 && month.approved + month.rejected === 0 && month.halfDaysDelivered === 0,
    rows: lines.map((line) => ({
      key: line.key,
      label: line.label,
      cells: figures.map((f) => line.cell(f)) as Three<StatisticsCell>,
    })),
    sizes,
    competences,
    ...(input.rollUp
      ? {
          networkColumns,
          networks: input.networks.map((network) => {
            const f = periodFigures(network.applications, network.missions, periods.month);
            return {
              id: network.id,
              name: network.name,
              cells: [f.received, f.approved, f.rejected, f.missionsActive, f.halfDaysDelivered].map(count),
            };
          }),
        }
      : {}),
  };
};

/** The last instant of a Paris month, as an ISO string compared with stored instants. */
const periodsEnd = (month: string): string => {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const next = new Date(Date.UTC(year, monthNumber, 1)).toISOString().slice(0, 7);
  return new Date(Date.parse(parisMonthStart(next)) - 1).toISOString();
};
