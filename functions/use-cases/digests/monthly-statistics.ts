import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { parisIsoDate } from '../../../shared/dates.ts';
import { mailSender, type National, type Network } from '../../../shared/networks.ts';
import type { StatisticsView } from '../../../shared/statistics.ts';
import { nationalStatistics, statisticsQuerySchema } from '../../../shared/statistics-query.ts';
import type { DirectoryRepository } from '../../db/directory-repository.ts';
import type { NetworkActivityReader } from '../../db/network-activity-repository.ts';
import {
  applicationFacts,
  lastDayOf,
  missionFacts,
  parisMonthStart,
  previousMonth,
} from '../../domain/digests/facts.ts';
import { type NetworkFacts, statisticsView } from '../../domain/digests/monthly-statistics.ts';
import { periodsOf } from '../../domain/digests/network-figures.ts';
import { InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { csvDisposition, toCsv } from '../../domain/exports/csv.ts';
import { type Actor, mayRead } from '../../domain/staff/actor.ts';
import { renderMonthlyStatistics } from '../../email/templates/monthly-statistics.ts';
import { queueAndSend } from '../outbox/deliver-outbox.ts';
import type { SubmissionMailDeps } from '../public-forms/send-submission-mails.ts';

/**
 * The monthly statistics, computed once for every view: the staff API and its page, the CSV for
 * funders, and the mail of the 1st of the month (one per recipient, each once).
 */
export interface StatisticsDeps {
  activity: NetworkActivityReader;
  directory: Pick<DirectoryRepository, 'partners' | 'competences'>;
  networks: readonly Network[];
  national: National;
}

export interface MonthlyMailDeps extends StatisticsDeps {
  mail: SubmissionMailDeps;
  siteUrl: string;
}

const noSuchNetwork = () => new NotFoundError('Ce réseau n’existe pas, ou vous n’y avez pas accès.');

/** The facts of one network for a month's three periods, read from the month a year earlier on. */
export const readNetworkFacts = async (
  deps: StatisticsDeps,
  network: Network,
  month: string,
): Promise<NetworkFacts> => {
  const { yearEarlier } = periodsOf(month);
  const [activity, competences, partners] = await Promise.all([
    deps.activity.read(network.id, parisMonthStart(yearEarlier.from), {
      from: `${yearEarlier.from}-01`,
      to: lastDayOf(month),
    }),
    deps.directory.competences.list(network.id),
    deps.directory.partners.list(network.id),
  ]);
  return {
    id: network.id,
    name: network.name,
    applications: activity.applications.map(applicationFacts),
    missions: activity.missions.map(({ mission, employees }) => missionFacts(mission, employees)),
    catalogue: { competences, partners },
  };
};

/** One network's month, or (`national`) every network's together with a table per network. */
export const monthStatistics = async (
  deps: StatisticsDeps,
  scope: string,
  month: string,
): Promise<StatisticsView> => {
  if (scope === nationalStatistics) {
    const networks = await Promise.all(
      deps.networks.map((network) => readNetworkFacts(deps, network, month)),
    );
    return statisticsView({
      scope: { id: nationalStatistics, name: `${deps.national.name}, tous les réseaux` },
      month,
      networks,
      rollUp: true,
    });
  }
  const network = deps.networks.find((candidate) => candidate.id === scope);
  if (!network) throw noSuchNetwork();
  return statisticsView({
    scope: { id: network.id, name: network.name },
    month,
    networks: [await readNetworkFacts(deps, network, month)],
    rollUp: false,
  });
};

/** The month before the one in Paris today: what the 1st of the month reports on. */
export const lastMonth = (now: Date) => previousMonth(parisIsoDate(now).slice(0, 7));

/** `GET /api/staff/stats`: a network's staff their own network; the national coordination every network and the roll-up. */
export const readStatistics = async (
  deps: StatisticsDeps,
  actor: Actor,
  rawQuery: unknown,
  now: Date,
): Promise<StatisticsView> => {
  const query = z.parse(statisticsQuerySchema, rawQuery);
  const scope = query.network ?? (actor.scope.kind === 'national' ? nationalStatistics : actor.scope.network);
  const allowed =
    scope === nationalStatistics
      ? actor.scope.kind === 'national'
      : deps.networks.some((network) => network.id === scope) && mayRead(actor, scope);
  if (!allowed) throw noSuchNetwork();
  const month = query.month ?? lastMonth(now);
  if (month > parisIsoDate(now).slice(0, 7)) {
    const message = 'Ce mois n’est pas encore commencé\u00a0: choisissez un mois passé ou le mois en cours.';
    throw new InvalidInputError([{ field: 'month', message }], message);
  }
  return monthStatistics(deps, scope, month);
};

const csvColumns = [
  { header: 'Chiffre', cell: (row: string[]) => row[0] },
  { header: 'Mois', cell: (row: string[]) => row[1] },
  { header: 'Depuis le 1er janvier', cell: (row: string[]) => row[2] },
  { header: 'Un an plus tôt', cell: (row: string[]) => row[3] },
] as const;

/** The month's figures for funders, as the table shows them (small counts hidden alike). */
export const statisticsCsv = (view: StatisticsView) => {
  const rows = [
    ...view.rows,
    ...view.sizes.map((row) => ({ ...row, label: `PME accompagnées\u00a0: ${row.label}` })),
  ].map((row) => [row.label, ...row.cells.map((cell) => cell.shown)]);
  const competenceRows = view.competences.flatMap((competence) => [
    [`Compétence demandée\u00a0: ${competence.label}`, competence.requested.shown, '', ''],
    [`Compétence offerte (entreprises)\u00a0: ${competence.label}`, competence.offered.shown, '', ''],
  ]);
  const networkRows = (view.networks ?? []).flatMap((network) =>
    network.cells.map((cell, index) => [
      `${network.name}\u00a0: ${view.networkColumns?.[index + 1] ?? ''}`,
      cell.shown,
      '',
      '',
    ]),
  );
  const fileName = `statistiques-${view.scope.id}-${view.month}.csv`;
  return {
    fileName,
    contentDisposition: csvDisposition(fileName),
    csv: toCsv(csvColumns, [...rows, ...competenceRows, ...networkRows]),
  };
};

/** An outbox id naming the mail without the address: (kind, network, month, recipient). */
const mailId = (scope: string, month: string, recipient: string) =>
  `monthly-statistics:${scope}:${month}:${createHash('sha256').update(recipient.toLowerCase()).digest('hex').slice(0, 24)}`;

export const statisticsPagePath = (scope: string, month: string) =>
  `/espace-equipe/statistiques/?network=${encodeURIComponent(scope)}&month=${month}`;

/**
 * The job of the 1st of the month (shared/schedules.ts): last month's figures, one mail per person
 * (the network's staff and steering committee; the national coordination for the roll-up), each
 * queued under an id naming it, so that a second run, or a run after a crash, sends nothing twice.
 * `options.month` and `options.network` come from `npm run job -- monthly-stats`.
 */
export const sendMonthlyStatistics = async (
  deps: MonthlyMailDeps,
  now: Date,
  options: Readonly<Record<string, string>> = {},
) => {
  const month = options.month ?? lastMonth(now);
  const query = z.safeParse(statisticsQuerySchema, { month, network: options.network });
  if (!query.success)
    throw new Error('monthly-stats: --month s’écrit comme 2027-02, --network est un identifiant de réseau.');
  const scopes =
    options.network === undefined
      ? [...deps.networks.map((network) => network.id), nationalStatistics]
      : [options.network];
  const report = { month, scopes: scopes.length, queued: 0, sentNow: 0, deferred: 0 };
  for (const scope of scopes) {
    const network = deps.networks.find((candidate) => candidate.id === scope);
    if (!network && scope !== nationalStatistics)
      throw new Error(`monthly-stats: réseau inconnu (${scope}).`);
    const view = await monthStatistics(deps, scope, month);
    const recipients = network
      ? [...new Set([...network.staffEmails, ...(network.steeringCommitteeEmails ?? [])])]
      : [...new Set(deps.national.staffEmails)];
    const signatory = network ?? deps.national;
    const rendered = renderMonthlyStatistics(
      view,
      signatory,
      `${deps.siteUrl.replace(/\/$/, '')}${statisticsPagePath(scope, month)}`,
    );
    const from = mailSender(network ?? { ...deps.national }, deps.mail.senderDomain);
    const sent = await queueAndSend(
      deps.mail,
      scope,
      recipients.map((recipient) => ({
        id: mailId(scope, month, recipient),
        mail: {
          ...rendered,
          from,
          to: [recipient],
          replyTo: (network?.staffEmails ?? deps.national.staffEmails).slice(0, 5),
          list: { kind: 'monthly-statistics' as const },
        },
      })),
      now,
    );
    report.queued += sent.queued.length;
    report.sentNow += sent.sentNow;
    report.deferred += sent.deferred;
  }
  return report;
};
