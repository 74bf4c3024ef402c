import type { CommitteeRepository } from '../../db/committee-repository.ts';
import type { CounterRepository } from '../../db/counter-repository.ts';
import type { DirectoryRepository } from '../../db/directory-repository.ts';
import type { ApplicationData } from '../../db/entities/application.ts';
import type { StoredSubmission } from '../../db/entities/submission.ts';
import type { MissionRepository } from '../../db/mission-repository.ts';
import type { SubmissionRepository } from '../../db/submission-repository.ts';
import {
  describeError,
  type ImportError,
  looseText,
  readImportFile,
} from '../../domain/history-import/columns.ts';
import {
  type HistoryContext,
  type ImportedApplication,
  type NetworkCatalogue,
  planHistory,
} from '../../domain/history-import/history.ts';
import { sequenceOf } from '../../domain/public-forms/reference.ts';
import type { PersonKeys } from '../privacy/person-keys.ts';

/**
 * `npm run import`: a network's history from a spreadsheet, checked whole before the first write
 * (every error by line and column, and then nothing is written), then written through the same
 * repositories and entity mappers as the back office, each record with a conditional write under an
 * id the file gives: importing the same file again finds every record already there and changes
 * nothing, and an import cut short is finished by running it again.
 */
export interface ImportHistoryDeps {
  applications: Pick<SubmissionRepository<ApplicationData>, 'create' | 'sourcesOf'>;
  missions: Pick<MissionRepository, 'forApplication' | 'create'>;
  committees: Pick<CommitteeRepository, 'get' | 'create' | 'recordDecision'>;
  directory: Pick<DirectoryRepository, 'partners' | 'volunteers' | 'competences'>;
  counters: Pick<CounterRepository, 'atLeast'>;
  people: PersonKeys;
  reference: HistoryContext['reference'];
}

export interface ImportOptions {
  now: Date;
  dryRun?: boolean;
  /** Told a line every `progressEvery` rows or records (stderr in the command). */
  progress?: (line: string) => void;
  progressEvery?: number;
}

interface Tally {
  created: number;
  present: number;
}

export interface ImportReport {
  rows: number;
  dryRun: boolean;
  /** Every problem, as « ligne 12, colonne « Date du comité » : … ». Nothing was written when there is one. */
  errors: string[];
  applications: Tally;
  missions: Tally;
  committees: Tally;
  /** Applications whose last contact is over three years old: the next nightly run anonymises them. */
  dueForAnonymisation: number;
}

const parallel = 16;

/** Runs `work` over the items, a few at a time, telling progress every `every` items. */
const inTurn = async <T>(
  items: readonly T[],
  work: (item: T) => Promise<void>,
  tell: (done: number) => void,
) => {
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        await work(item);
        tell(++done);
      }
    }),
  );
};

const count = (n: number) => n.toLocaleString('fr-FR');

export const importHistory = async (
  deps: ImportHistoryDeps,
  text: string,
  { now, dryRun = false, progress = () => {}, progressEvery = 500 }: ImportOptions,
): Promise<ImportReport> => {
  const empty = (): Tally => ({ created: 0, present: 0 });
  const report: ImportReport = {
    rows: 0,
    dryRun,
    errors: [],
    applications: empty(),
    missions: empty(),
    committees: empty(),
    dueForAnonymisation: 0,
  };
  const file = readImportFile(text);
  report.rows = file.rows.length;
  if (file.errors.length > 0) {
    report.errors = file.errors.map(describeError);
    return report;
  }
  progress(`Lecture\u00a0: ${count(file.rows.length)}\u00a0lignes`);

  // The catalogue of every network the file names, read once.
  const named = new Set(
    file.rows.map((row) => row.cells.network).filter((n): n is string => n !== undefined),
  );
  const networks = deps.reference.networks.filter((n) =>
    [...named].some((typed) => typed === n.id || looseText(typed) === looseText(n.name)),
  );
  const catalogues = new Map<string, NetworkCatalogue>();
  await Promise.all(
    networks.map(async (network) => {
      const [competences, partners, volunteers] = await Promise.all([
        deps.directory.competences.list(network.id),
        deps.directory.partners.list(network.id),
        deps.directory.volunteers.list(network.id),
      ]);
      catalogues.set(network.id, { competences, partners, volunteers });
    }),
  );

  const plan = planHistory(file.rows, { reference: deps.reference, catalogues, now });
  const errors: ImportError[] = [...plan.errors];
  const every = (label: string, total: number) => (done: number) => {
    if (done % progressEvery === 0 || done === total)
      progress(`${label}\u00a0: ${count(done)} / ${count(total)}`);
  };

  // What the table already holds: a reference taken by a record the import did not write is an error.
  // A hundred references per read; only those already there are read whole, for their missions.
  const sources = new Map<string, string>();
  for (let start = 0; start < plan.applications.length; start += progressEvery) {
    const slice = plan.applications.slice(start, start + progressEvery);
    for (const [reference, source] of await deps.applications.sourcesOf(slice.map((a) => a.reference))) {
      sources.set(reference, source);
    }
    progress(
      `Vérification dans la table (candidatures)\u00a0: ${count(start + slice.length)} / ${count(plan.applications.length)}`,
    );
  }
  const stored = new Map<string, Set<number>>();
  for (const application of plan.applications) {
    const source = sources.get(application.reference);
    if (source !== undefined && source !== 'import') {
      errors.push({
        line: application.line,
        column: 'reference',
        message: `la référence ${application.reference} est déjà celle d’une candidature enregistrée dans Alizé\u00a0: donnez-en une autre à cette ligne`,
      });
    }
  }
  await inTurn(
    plan.applications.filter((application) => sources.get(application.reference) === 'import'),
    async (application) => {
      const found = await deps.missions.forApplication(application.reference);
      stored.set(application.reference, new Set(found?.missions.map((mission) => mission.number)));
    },
    () => {},
  );
  if (errors.length > 0) {
    errors.sort((a, b) => a.line - b.line);
    report.errors = errors.map(describeError);
    return report;
  }

  report.dueForAnonymisation = plan.applications.filter((a) => a.dueForAnonymisation).length;
  const tallyApplications = (application: ImportedApplication) => {
    const missions = stored.get(application.reference);
    if (missions) report.applications.present++;
    else report.applications.created++;
    for (const mission of application.missions) {
      if (missions?.has(mission.number)) report.missions.present++;
      else report.missions.created++;
    }
  };
  if (dryRun) {
    for (const application of plan.applications) tallyApplications(application);
    for (const committee of plan.committees) {
      if (await deps.committees.get(committee.id)) report.committees.present++;
      else report.committees.created++;
    }
    return report;
  }

  // Live references of those years follow the imported ones, before any record is written.
  for (const { scope, year, atLeast } of plan.sequences) {
    await deps.counters.atLeast(sequenceOf.application, scope, year, atLeast);
  }
  for (const committee of plan.committees) {
    const existing = await deps.committees.get(committee.id);
    if (!existing && (await deps.committees.create(committee))) {
      report.committees.created++;
      continue;
    }
    report.committees.present++;
    const recorded = new Set(
      (existing ?? (await deps.committees.get(committee.id)))?.decisions.map((d) => d.reference),
    );
    for (const decision of committee.decisions) {
      if (!recorded.has(decision.reference)) await deps.committees.recordDecision(committee.id, decision);
    }
  }
  await inTurn(
    plan.applications,
    async (application) => {
      const missions = stored.get(application.reference);
      if (missions) report.applications.present++;
      else {
        const { line: _line, missions: _missions, dueForAnonymisation: _due, ...record } = application;
        const submission: StoredSubmission<ApplicationData> = {
          ...record,
          ...(record.data.contact.email
            ? { personKey: await deps.people.of(record.data.contact.email) }
            : {}),
        };
        await deps.applications.create(submission);
        report.applications.created++;
      }
      for (const mission of application.missions) {
        if (missions?.has(mission.number) || !(await deps.missions.create(mission)))
          report.missions.present++;
        else report.missions.created++;
      }
    },
    every('Écriture (candidatures)', plan.applications.length),
  );
  return report;
};

const tally = (label: string, { created, present }: Tally, dryRun: boolean) =>
  `${label}\u00a0: ${count(created)} ${dryRun ? 'à créer' : 'créées'}, ${count(present)} déjà présentes`;

/** What the command prints at the end, in French. */
export const reportText = (report: ImportReport): string => {
  if (report.errors.length > 0) {
    return [
      `${count(report.errors.length)}\u00a0erreur${report.errors.length > 1 ? 's' : ''} dans le fichier\u00a0: rien n’a été écrit.`,
      ...report.errors.map((error) => `  ${error.charAt(0).toUpperCase()}${error.slice(1)}`),
    ].join('\n');
  }
  return [
    report.dryRun
      ? `Essai (--dry-run)\u00a0: ${count(report.rows)}\u00a0lignes vérifiées, rien n’a été écrit.`
      : `${count(report.rows)}\u00a0lignes importées.`,
    tally('Candidatures', report.applications, report.dryRun),
    tally('Missions', report.missions, report.dryRun),
    tally('Comités', report.committees, report.dryRun),
    `Conservation des données (CNIL)\u00a0: les données personnelles d’un prospect sont anonymisées trois ans après le dernier contact. ${count(report.dueForAnonymisation)}\u00a0candidature${report.dueForAnonymisation > 1 ? 's' : ''} du fichier ${report.dueForAnonymisation > 1 ? 'ont' : 'a'} dépassé ce délai et ${report.dueForAnonymisation > 1 ? 'seront anonymisées' : 'sera anonymisée'} à la prochaine exécution nocturne (3\u00a0h\u00a030)\u00a0; leurs chiffres restent dans les statistiques.`,
  ].join('\n');
};
