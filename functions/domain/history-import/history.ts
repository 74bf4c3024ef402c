import type { Application } from '../../../shared/application.ts';
import { maxEmployees } from '../../../shared/application.ts';
import {
  type ApplicationStatus,
  type CommitteeDecision,
  committeeDecisions,
  statusLabels,
} from '../../../shared/application-status.ts';
import { frenchDay, parisIsoDate, parisYear } from '../../../shared/dates.ts';
import {
  type HalfDaySlot,
  type InterventionStatus,
  interventionStatusLabels,
} from '../../../shared/missions.ts';
import type { CompetenceRecord, PartnerRecord, VolunteerRecord } from '../../../shared/partners.ts';
import { type HistoryEntry, planMove, receivedEntry } from '../applications/lifecycle.ts';
import { DomainError } from '../errors.ts';
import { type Mission, missionId } from '../missions/mission.ts';
import {
  addMonthsToInstant,
  changeIntervention,
  closeMission,
  createMission,
  editMission,
  planIntervention,
  recordFollowUp,
  startMission,
} from '../missions/rules.ts';
import { retentionDecision } from '../privacy/retention.ts';
import { checkNafCode, locateCompany, type ReferenceData } from '../public-forms/submission-checks.ts';
import { CellReader } from './cells.ts';
import { type ImportColumn, type ImportError, type ImportRow, importColumns, looseText } from './columns.ts';

/**
 * A network's history, read from the rows of an import file and told again through the same rules
 * as the back office: each application's moves through the lifecycle table (planMove), each
 * mission through its rules (created, half-days planned, started, done, closed with its outcomes,
 * followed up), every one at the date the file gives, by « Import de l’historique ». What the rules
 * refuse becomes an error at the line and column it came from; nothing is written unless there is
 * none. Pure: the catalogues and the clock are passed in.
 */
export const importActor = { id: 'history-import', name: 'Import de l’historique' } as const;

/** A mission of the spreadsheet whose volunteer nobody wrote down. */
export const unnamedVolunteer = 'salarie-non-renseigne';

/** The reason a move that needs one carries when the spreadsheet kept none. */
export const unrecordedReason = 'Motif non repris dans l’historique importé.';

export interface NetworkCatalogue {
  competences: readonly CompetenceRecord[];
  partners: readonly PartnerRecord[];
  volunteers: readonly VolunteerRecord[];
}

export interface HistoryContext {
  reference: Pick<ReferenceData, 'communes' | 'naf' | 'networks' | 'national'>;
  catalogues: ReadonlyMap<string, NetworkCatalogue>;
  now: Date;
}

/** What is kept of an imported application: the form's shape, with what an old spreadsheet may lack left empty. */
export interface ImportedApplicationData {
  company: Application['company'] & { communeCode: string; communeName: string; departement: string };
  contact: Application['contact'];
  project: Application['project'];
  /** Empty: nobody ticked the site's consent box for a record of a spreadsheet. */
  consentedAt: string;
}

export interface ImportedApplication {
  line: number;
  reference: string;
  network: string;
  status: ApplicationStatus;
  createdAt: string;
  updatedAt: string;
  version: number;
  history: HistoryEntry[];
  source: 'import';
  committee?: { id: string; date: string };
  data: ImportedApplicationData;
  missions: Mission[];
  /** The nightly retention job would anonymise it at its next run: its last contact is over three years old. */
  dueForAnonymisation: boolean;
}

export interface ImportedCommittee {
  id: string;
  network: string;
  date: string;
  createdAt: string;
  createdBy: { id: string; name: string };
  decisions: {
    reference: string;
    decision: CommitteeDecision;
    reason?: string;
    at: string;
    actor: typeof importActor;
  }[];
}

export interface HistoryPlan {
  applications: ImportedApplication[];
  committees: ImportedCommittee[];
  /** The highest number imported per département and year: live references must follow it. */
  sequences: { scope: string; year: number; atLeast: number }[];
  rows: number;
  errors: ImportError[];
}

const rowTypes = [
  ['candidature', 'application'],
  ['mission', 'mission'],
  ['demi-journée', 'half-day'],
  ['demi journée', 'half-day'],
] as const;
type RowType = (typeof rowTypes)[number][1];
const typeLabel: Record<RowType, string> = {
  application: 'candidature',
  mission: 'mission',
  'half-day': 'demi-journée',
};

const decisionWords = committeeDecisions.map((decision) => [statusLabels[decision], decision] as const);
const exitWords = [
  [statusLabels.ineligible, 'ineligible'],
  [statusLabels.withdrawn, 'withdrawn'],
] as const;
const slotWords = [
  ['matin', 'morning'],
  ['après-midi', 'afternoon'],
  ['après midi', 'afternoon'],
] as const satisfies readonly (readonly [string, HalfDaySlot])[];
const halfDayStatusWords = (Object.entries(interventionStatusLabels) as [InterventionStatus, string][]).map(
  ([status, label]) => [label, status] as const,
);
const yesNo = [
  ['oui', true],
  ['non', false],
] as const;

const referencePattern = /^ALZ-(\d{2}|2A|2B|9\d{2})-(\d{4})-(\d{4,})$/;

const parisClock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  minute: '2-digit',
});

/** The instant of a Paris wall-clock time on a day (the hours used here never fall in a change of time). */
export const parisInstantOn = (day: string, time: string): string => {
  for (const offset of ['+01:00', '+02:00']) {
    const at = new Date(`${day}T${time}:00${offset}`);
    if (parisIsoDate(at) === day && parisClock.format(at) === time) return at.toISOString();
  }
  return new Date(`${day}T${time}:00Z`).toISOString();
};

/** The natural time of an event, or a second after the previous one: a story told in order. */
const notBefore = (natural: string, previous: string) =>
  natural > previous ? natural : new Date(Date.parse(previous) + 1000).toISOString();

const quoted = (text: string) => `«\u00a0${text}\u00a0»`;
const frenchSlash = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

const matchCompetence = (catalogue: NetworkCatalogue, typed: string) =>
  catalogue.competences.find((c) => c.id === typed || looseText(c.label) === looseText(typed));
const matchPartner = (catalogue: NetworkCatalogue, typed: string) =>
  catalogue.partners.find(
    (p) =>
      p.id === typed ||
      looseText(p.name) === looseText(typed) ||
      (p.siret !== undefined && p.siret === typed.replace(/\s/g, '')),
  );

/** The rules speak to staff in the back office; here the refusal names the cell it comes from. */
const refusal = (error: unknown): string => {
  if (error instanceof DomainError) return error.message;
  throw error;
};

interface ApplicationRow {
  row: ImportRow;
  missions: { row: ImportRow; number: number; halfDays: ImportRow[] }[];
}

export const planHistory = (rows: readonly ImportRow[], context: HistoryContext): HistoryPlan => {
  const errors: ImportError[] = [];
  const today = parisIsoDate(context.now);
  const nowIso = context.now.toISOString();
  const reader = (row: ImportRow, type: RowType) => new CellReader(row, errors, today, typeLabel[type]);

  // First the file's shape: which row belongs to which application and mission.
  const byReference = new Map<string, ApplicationRow>();
  const missionRows: { row: ImportRow; reference: string; number: number }[] = [];
  const halfDayRows: { row: ImportRow; reference: string; number: number }[] = [];
  for (const row of rows) {
    const cells = reader(row, 'application');
    const type = cells.choice('type', rowTypes, true);
    const reference = cells.raw('reference', true);
    if (!type || !reference) continue;
    if (!referencePattern.test(reference)) {
      cells.fail(
        'reference',
        `la référence ${quoted(reference)} s’écrit comme ALZ-36-2019-0042 (ALZ, le département, l’année de réception, le numéro)`,
      );
      continue;
    }
    if (type === 'application') {
      const seen = byReference.get(reference);
      if (seen) cells.fail('reference', `la candidature ${reference} est déjà à la ligne ${seen.row.line}`);
      else byReference.set(reference, { row, missions: [] });
      continue;
    }
    const number = reader(row, type).integer('missionNumber', 1, 999, true);
    if (number === undefined) continue;
    (type === 'mission' ? missionRows : halfDayRows).push({ row, reference, number });
  }
  for (const { row, reference, number } of missionRows) {
    const application = byReference.get(reference);
    if (!application) {
      reader(row, 'mission').fail(
        'reference',
        `aucune ligne «\u00a0candidature\u00a0» du fichier ne porte la référence ${reference}`,
      );
      continue;
    }
    const twin = application.missions.find((mission) => mission.number === number);
    if (twin) {
      reader(row, 'mission').fail(
        'missionNumber',
        `la mission ${number} de ${reference} est déjà à la ligne ${twin.row.line}`,
      );
      continue;
    }
    application.missions.push({ row, number, halfDays: [] });
  }
  for (const { row, reference, number } of halfDayRows) {
    const mission = byReference.get(reference)?.missions.find((m) => m.number === number);
    if (!mission) {
      reader(row, 'half-day').fail(
        'missionNumber',
        `aucune ligne «\u00a0mission\u00a0» du fichier n’est la mission ${number} de ${reference}`,
      );
      continue;
    }
    mission.halfDays.push(row);
  }

  const applications: ImportedApplication[] = [];
  const committees = new Map<string, ImportedCommittee>();
  const sequences = new Map<string, { scope: string; year: number; atLeast: number }>();

  for (const [reference, { row, missions }] of byReference) {
    const cells = reader(row, 'application');
    const before = errors.length;
    const networkTyped = cells.raw('network', true);
    const network = networkTyped
      ? context.reference.networks.find(
          (n) => n.id === networkTyped || looseText(n.name) === looseText(networkTyped),
        )
      : undefined;
    if (networkTyped && !network) {
      cells.fail(
        'network',
        `le réseau ${quoted(networkTyped)} n’est pas dans les réglages (réseaux\u00a0: ${context.reference.networks.map((n) => n.id).join(', ')})`,
      );
    }
    const receivedOn = cells.day('receivedOn', { required: true });
    const companyName = cells.text('company', 120, true);
    const siret = cells.siret();
    const nafTyped = cells.raw('nafCode');
    let nafCode: string | undefined;
    if (nafTyped) {
      const upper = nafTyped.toUpperCase().replace(/\s/g, '');
      nafCode = /^\d{4}[A-Z]$/.test(upper) ? `${upper.slice(0, 2)}.${upper.slice(2)}` : upper;
      const problem = checkNafCode(context.reference.naf, 'nafCode', nafCode);
      if (problem) cells.fail('nafCode', problem.message);
    }
    const employees = cells.integer('employees', 0, maxEmployees, true);
    const postcode = cells.raw('postcode', true);
    const city = cells.text('city', 100, true);
    let place: { communeCode: string; communeName: string; departement: string } | undefined;
    if (postcode && city) {
      const located = locateCompany(
        context.reference,
        { postcode, city },
        { postcode: 'postcode', city: 'city' },
      );
      if ('error' in located) cells.fail(located.error.field as ImportColumn, located.error.message);
      else {
        place = {
          communeCode: located.location.commune.code,
          communeName: located.location.commune.name,
          departement: located.location.commune.departement,
        };
        if (network && located.location.network.id !== network.id) {
          cells.fail(
            'city',
            `${located.location.commune.name} relève de ${located.location.network.name}, pas de ${network.name}`,
          );
        }
      }
    }
    const firstName = cells.text('contactFirstName', 60);
    const lastName = cells.text('contactLastName', 60);
    const contactEmail = cells.email();
    const phone = cells.phone();
    const title = cells.text('projectTitle', 120, true);
    const description = cells.text('projectDescription', 3000);
    const jobsToCreate = cells.integer('jobsToCreate', 0, 999);
    const jobsToMaintain = cells.integer('jobsToMaintain', 0, 9999);
    const catalogue = network ? context.catalogues.get(network.id) : undefined;
    const competences: string[] = [];
    for (const typed of (cells.raw('requestedCompetences') ?? '')
      .split('|')
      .map((t) => t.trim())
      .filter(Boolean)) {
      const found = catalogue ? matchCompetence(catalogue, typed) : undefined;
      if (catalogue && !found) {
        cells.fail(
          'requestedCompetences',
          `${quoted(typed)} n’est pas une compétence du catalogue de ${network?.name} (son identifiant ou son intitulé, séparés par «\u00a0|\u00a0»)`,
        );
      } else if (found && !competences.includes(found.id)) competences.push(found.id);
    }

    const match = referencePattern.exec(reference);
    if (match && place && receivedOn) {
      const [, scope = '', year = ''] = match;
      if (scope !== place.departement) {
        cells.fail(
          'reference',
          `la référence ${reference} ne porte pas le département de ${place.communeName} (${place.departement})`,
        );
      }
      const receivedYear = parisYear(new Date(parisInstantOn(receivedOn, '09:00')));
      if (Number(year) !== receivedYear) {
        cells.fail(
          'reference',
          `la référence ${reference} ne porte pas l’année de réception (${receivedYear})`,
        );
      }
    }

    // The application's story, move by move, through the lifecycle table.
    const qualifiedOn = cells.day('qualifiedOn');
    const committeeOn = cells.day('committeeOn');
    const decision = cells.choice('decision', decisionWords);
    const exit = cells.choice('exit', exitWords);
    const exitOn = cells.day('exitOn');
    const reason = cells.text('reason', 2000) ?? unrecordedReason;
    if (committeeOn && decision === undefined && !cells.has('decision')) {
      cells.fail('decision', 'un comité sans décision\u00a0: indiquez ce qu’il a décidé');
    }
    if (cells.has('decision') && !committeeOn && !cells.has('committeeOn')) {
      cells.fail('committeeOn', 'une décision sans comité\u00a0: indiquez la date du comité');
    }
    if (exit && !exitOn && !cells.has('exitOn')) cells.fail('exitOn', 'indiquez la date de la sortie');
    if (exitOn && !exit && !cells.has('exit'))
      cells.fail(
        'exit',
        `indiquez la sortie\u00a0: ${quoted(statusLabels.ineligible)} ou ${quoted(statusLabels.withdrawn)}`,
      );

    if (
      errors.length > before ||
      !network ||
      !receivedOn ||
      !place ||
      !companyName ||
      !title ||
      employees === undefined
    ) {
      continue;
    }
    const receivedAt = parisInstantOn(receivedOn, '09:00');
    const history: HistoryEntry[] = [receivedEntry(receivedAt, importActor)];
    let state = { network: network.id, status: 'received' as ApplicationStatus, version: 1 };
    let last = receivedAt;
    let committee: { id: string; date: string } | undefined;
    const move = (
      request: Parameters<typeof planMove>[1],
      by: 'staff' | 'missions',
      at: string,
      column: ImportColumn,
    ) => {
      try {
        const entry = planMove(state, request, by, importActor, new Date(at));
        history.push(entry);
        state = { ...state, status: entry.to, version: state.version + 1 };
        last = entry.at;
        return true;
      } catch (error) {
        cells.fail(column, refusal(error));
        return false;
      }
    };
    const orderly = (day: string, column: ImportColumn, what: string) => {
      if (day >= parisIsoDate(new Date(last))) return true;
      cells.fail(
        column,
        `${what} (${frenchSlash(day)}) précède l’étape d’avant, le ${frenchDay(parisIsoDate(new Date(last)))}`,
      );
      return false;
    };

    if (qualifiedOn && orderly(qualifiedOn, 'qualifiedOn', 'la qualification')) {
      move(
        { to: 'qualified' },
        'staff',
        notBefore(parisInstantOn(qualifiedOn, '10:00'), last),
        'qualifiedOn',
      );
    }
    if (committeeOn && decision) {
      if (!qualifiedOn) {
        cells.fail(
          'qualifiedOn',
          'une candidature passe en comité une fois qualifiée\u00a0: indiquez la date de qualification',
        );
      } else if (orderly(committeeOn, 'committeeOn', 'le comité')) {
        const id = `${committeeOn}-${network.id}`;
        const scheduledAt = notBefore(parisInstantOn(qualifiedOn, '10:00'), last);
        if (
          move(
            { to: 'scheduled', committee: { id, network: network.id, date: committeeOn } },
            'staff',
            scheduledAt,
            'committeeOn',
          )
        ) {
          committee = { id, date: committeeOn };
          const decidedAt = notBefore(parisInstantOn(committeeOn, '18:00'), last);
          if (
            move(
              { to: decision, ...(decision === 'approved' ? {} : { reason }) },
              'staff',
              decidedAt,
              'decision',
            )
          ) {
            const held: ImportedCommittee = committees.get(id) ?? {
              id,
              network: network.id,
              date: committeeOn,
              createdAt: scheduledAt,
              createdBy: importActor,
              decisions: [],
            };
            if (scheduledAt < held.createdAt) held.createdAt = scheduledAt;
            held.decisions.push({
              reference,
              decision,
              ...(decision === 'approved' ? {} : { reason }),
              at: decidedAt,
              actor: importActor,
            });
            committees.set(id, held);
          }
        }
      }
    }

    // Its missions, each through the missions' rules, then the application's own moves they make.
    const built: Mission[] = [];
    if (missions.length > 0 && state.status !== 'approved') {
      for (const mission of missions) {
        reader(mission.row, 'mission').fail(
          'reference',
          `la candidature ${reference} n’est pas retenue par un comité dans le fichier\u00a0: elle ne peut pas avoir de mission`,
        );
      }
    } else {
      const catalogueOf = catalogue ?? { competences: [], partners: [], volunteers: [] };
      for (const mission of [...missions].sort((a, b) => a.number - b.number)) {
        const made = buildMission(
          {
            reference,
            network: network.id,
            number: mission.number,
            row: mission.row,
            halfDays: mission.halfDays,
          },
          catalogueOf,
          last,
          { errors, today, nowIso },
        );
        if (made) built.push(made);
      }
      if (built.length === missions.length && built.length > 0) {
        const firstCreated = built.map((m) => m.createdAt).sort()[0] ?? last;
        move({ to: 'in-progress' }, 'missions', notBefore(firstCreated, last), 'missionNumber');
        if (built.every((m) => m.status === 'closed')) {
          const lastClosed =
            built
              .map((m) => m.closedAt ?? '')
              .sort()
              .at(-1) ?? last;
          move({ to: 'closed' }, 'missions', notBefore(lastClosed, last), 'missionNumber');
        }
      }
    }
    if (exit && exitOn && orderly(exitOn, 'exitOn', 'la sortie')) {
      move({ to: exit, reason }, 'staff', notBefore(parisInstantOn(exitOn, '12:00'), last), 'exit');
    }
    if (errors.length > before) continue;

    const application: ImportedApplication = {
      line: row.line,
      reference,
      network: network.id,
      status: state.status,
      createdAt: receivedAt,
      updatedAt: last,
      version: state.version,
      history,
      source: 'import',
      ...(committee ? { committee } : {}),
      data: {
        company: {
          name: companyName,
          siret: siret ?? '',
          ...(nafCode ? { nafCode } : {}),
          employees,
          postcode: postcode ?? '',
          city: city ?? '',
          ...place,
        },
        contact: {
          firstName: firstName ?? '',
          lastName: lastName ?? '',
          email: contactEmail ?? '',
          ...(phone ? { phone } : {}),
        },
        project: {
          title,
          description: description ?? '',
          competences,
          ...(jobsToCreate === undefined ? {} : { jobsToCreate }),
          ...(jobsToMaintain === undefined ? {} : { jobsToMaintain }),
        },
        consentedAt: '',
      },
      missions: built,
      dueForAnonymisation: false,
    };
    application.dueForAnonymisation =
      retentionDecision(
        application as unknown as Record<string, unknown>,
        built.map((m) => ({ ...m, entity: 'mission' })),
        context.now,
      ).kind === 'anonymise';
    applications.push(application);
    if (match) {
      const key = `${match[1]}-${match[2]}`;
      const atLeast = Number(match[3]);
      const known = sequences.get(key);
      if (!known || known.atLeast < atLeast) {
        sequences.set(key, { scope: match[1] ?? '', year: Number(match[2]), atLeast });
      }
    }
  }

  errors.sort((a, b) => a.line - b.line || columnOrder(a.column) - columnOrder(b.column));
  return {
    applications,
    committees: [...committees.values()],
    sequences: [...sequences.values()],
    rows: rows.length,
    errors,
  };
};

const columnKeys = Object.keys(importColumns) as ImportColumn[];
const columnOrder = (column: ImportColumn | undefined) => (column ? columnKeys.indexOf(column) : -1);

interface MissionInput {
  reference: string;
  network: string;
  number: number;
  row: ImportRow;
  halfDays: readonly ImportRow[];
}

/**
 * One mission as the back office would have made it: created on its start day, its half-days
 * planned, its checklist signed, started, each half-day done on its day, closed with its outcomes,
 * then its follow-ups; each step by the rules of functions/domain/missions/rules.ts.
 */
const buildMission = (
  input: MissionInput,
  catalogue: NetworkCatalogue,
  after: string,
  { errors, today, nowIso }: { errors: ImportError[]; today: string; nowIso: string },
): Mission | undefined => {
  const cells = new CellReader(input.row, errors, today, 'mission');
  const before = errors.length;
  const competenceTyped = cells.raw('competence', true);
  const competence = competenceTyped ? matchCompetence(catalogue, competenceTyped) : undefined;
  if (competenceTyped && !competence) {
    cells.fail(
      'competence',
      `${quoted(competenceTyped)} n’est pas une compétence du catalogue du réseau (son identifiant ou son intitulé)`,
    );
  }
  const partnerTyped = cells.raw('partner', true);
  const partner = partnerTyped ? matchPartner(catalogue, partnerTyped) : undefined;
  if (partnerTyped && !partner) {
    cells.fail(
      'partner',
      `${quoted(partnerTyped)} n’est pas une entreprise partenaire du réseau (son identifiant, son nom ou son SIRET)`,
    );
  }
  const volunteerTyped = cells.raw('volunteer');
  let volunteerId = unnamedVolunteer;
  if (volunteerTyped && partner) {
    const volunteer = catalogue.volunteers.find(
      (v) => v.id === volunteerTyped || v.email.toLowerCase() === volunteerTyped.toLowerCase(),
    );
    if (!volunteer)
      cells.fail(
        'volunteer',
        `${quoted(volunteerTyped)} n’est pas un salarié de l’annuaire du réseau (son identifiant ou son courriel)`,
      );
    else if (volunteer.partnerId !== partner.id)
      cells.fail('volunteer', `ce salarié n’est pas de ${partner.name}`);
    else volunteerId = volunteer.id;
  }
  const plannedHalfDays = cells.integer('plannedHalfDays', 1, 400, true);
  const startDate = cells.day('startOn', { required: true, past: false });
  const endDate = cells.day('endOn', { required: true, past: false });
  const agreementSignedOn = cells.day('agreementOn');
  const consentSignedOn = cells.day('consentOn');
  const closedOn = cells.day('closedOn');
  const jobsCreated = cells.integer('jobsCreated', 0, 10_000);
  const jobsMaintained = cells.integer('jobsMaintained', 0, 10_000);
  const smeSatisfaction = cells.integer('smeSatisfaction', 1, 5);
  const volunteerSatisfaction = cells.integer('volunteerSatisfaction', 1, 5);
  const followUps = ([12, 24] as const).map((month) => ({
    month,
    on: cells.day(month === 12 ? 'followUp12On' : 'followUp24On'),
    jobsCreated: cells.integer(month === 12 ? 'followUp12Created' : 'followUp24Created', 0, 10_000),
    jobsMaintained: cells.integer(month === 12 ? 'followUp12Maintained' : 'followUp24Maintained', 0, 10_000),
  }));
  const halfDays = input.halfDays.map((row) => {
    const day = new CellReader(row, errors, today, 'demi-journée');
    const status = day.choice('halfDayStatus', halfDayStatusWords, true);
    return {
      row,
      date: day.day('halfDayOn', { required: true, past: status !== 'planned' }),
      slot: day.choice('slot', slotWords, true),
      remote: day.choice('remote', yesNo) ?? false,
      status,
    };
  });
  if (
    errors.length > before ||
    !competence ||
    !partner ||
    plannedHalfDays === undefined ||
    !startDate ||
    !endDate
  ) {
    return undefined;
  }

  const id = missionId(input.reference, input.number);
  let last = after;
  let mission: Mission | undefined;
  const step = (
    natural: string,
    change: (current: Mission, now: Date) => Mission,
    row: ImportRow,
    column: ImportColumn,
  ) => {
    if (!mission) return;
    const at = notBefore(natural, last);
    try {
      mission = change(mission, new Date(at));
      last = at;
    } catch (error) {
      errors.push({ line: row.line, column, message: refusal(error) });
      mission = undefined;
    }
  };
  const createdAt = notBefore(parisInstantOn(startDate, '08:00'), last);
  try {
    mission = createMission(
      { id, reference: input.reference, network: input.network, number: input.number },
      {
        competenceId: competence.id,
        partnerId: partner.id,
        volunteerId,
        plannedHalfDays,
        startDate,
        endDate,
      },
      importActor,
      new Date(createdAt),
    );
    last = createdAt;
  } catch (error) {
    cells.fail('endOn', refusal(error));
    return undefined;
  }

  // Cancelled half-days first, so that they do not count against the plan while the others are planned.
  const ordered = halfDays
    .map((halfDay, index) => ({ ...halfDay, id: `I${index + 1}` }))
    .sort((a, b) => Number(b.status === 'cancelled') - Number(a.status === 'cancelled'));
  for (const halfDay of ordered) {
    const { date, slot } = halfDay;
    if (!date || !slot) continue;
    step(
      last,
      (m, now) =>
        planIntervention(
          m,
          halfDay.id,
          { version: m.version, date, slot, remote: halfDay.remote },
          importActor,
          now,
        ),
      halfDay.row,
      'halfDayOn',
    );
    if (halfDay.status === 'cancelled') {
      step(
        last,
        (m, now) =>
          changeIntervention(m, halfDay.id, { action: 'cancel', version: m.version }, importActor, now),
        halfDay.row,
        'halfDayStatus',
      );
    }
  }
  if (agreementSignedOn || consentSignedOn) {
    const signed =
      [agreementSignedOn, consentSignedOn]
        .filter((d): d is string => d !== undefined)
        .sort()
        .at(-1) ?? startDate;
    const checklist = {
      ...(agreementSignedOn ? { agreementSignedOn } : {}),
      ...(consentSignedOn ? { consentSignedOn } : {}),
    };
    step(
      parisInstantOn(signed, '08:10'),
      (m, now) => editMission(m, { version: m.version, checklist }, importActor, now),
      input.row,
      agreementSignedOn ? 'agreementOn' : 'consentOn',
    );
  }
  const done = ordered
    .filter((h) => h.status === 'done' && h.date)
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || (a.slot === 'morning' ? -1 : 1));
  if (done.length > 0 || closedOn) {
    step(
      parisInstantOn(startDate, '08:30'),
      (m, now) => startMission(m, importActor, now),
      input.row,
      agreementSignedOn ? 'consentOn' : 'agreementOn',
    );
    const startedOn = mission?.startedAt ? parisIsoDate(new Date(mission.startedAt)) : undefined;
    for (const halfDay of done) {
      const date = halfDay.date ?? '';
      if (mission && startedOn && date < startedOn) {
        errors.push({
          line: halfDay.row.line,
          column: 'halfDayOn',
          message: `la demi-journée du ${frenchSlash(date)} précède le démarrage de la mission, le ${frenchDay(startedOn)} (convention et accord du salarié signés)`,
        });
        mission = undefined;
      }
      step(
        parisInstantOn(date, '17:45'),
        (m, now) =>
          changeIntervention(m, halfDay.id, { action: 'done', version: m.version }, importActor, now),
        halfDay.row,
        'halfDayStatus',
      );
    }
  }
  const outcomesGiven = [jobsCreated, jobsMaintained, smeSatisfaction, volunteerSatisfaction].some(
    (v) => v !== undefined,
  );
  if (closedOn && mission) {
    const lastDone = done.at(-1)?.date;
    if (lastDone && closedOn < lastDone) {
      cells.fail(
        'closedOn',
        `la clôture précède la dernière demi-journée réalisée, le ${frenchDay(lastDone)}`,
      );
      mission = undefined;
    } else if (jobsCreated === undefined || jobsMaintained === undefined || smeSatisfaction === undefined) {
      for (const [column, value] of [
        ['jobsCreated', jobsCreated],
        ['jobsMaintained', jobsMaintained],
        ['smeSatisfaction', smeSatisfaction],
      ] as const) {
        if (value === undefined)
          cells.fail(
            column,
            'le bilan d’une mission close compte les emplois créés, les emplois maintenus et la satisfaction de l’entreprise (de 1 à 5)',
          );
      }
      mission = undefined;
    }
    step(
      parisInstantOn(closedOn, '18:00'),
      (m, now) =>
        closeMission(
          m,
          {
            mode: 'outcomes',
            version: m.version,
            sme: {
              jobsCreated: jobsCreated ?? 0,
              jobsMaintained: jobsMaintained ?? 0,
              satisfaction: smeSatisfaction ?? 1,
            },
            ...(volunteerSatisfaction === undefined
              ? {}
              : { volunteer: { satisfaction: volunteerSatisfaction } }),
          },
          importActor,
          now,
        ),
      input.row,
      'closedOn',
    );
  } else if (outcomesGiven && !closedOn) {
    cells.fail('closedOn', 'un bilan sans date de clôture\u00a0: indiquez quand la mission a été close');
    mission = undefined;
  }
  for (const followUp of followUps) {
    const given = followUp.on ?? followUp.jobsCreated ?? followUp.jobsMaintained;
    if (given === undefined) continue;
    const column: ImportColumn = followUp.month === 12 ? 'followUp12On' : 'followUp24On';
    if (!followUp.on || followUp.jobsCreated === undefined || followUp.jobsMaintained === undefined) {
      cells.fail(
        column,
        `le suivi à ${followUp.month}\u00a0mois compte sa date, les emplois créés et les emplois maintenus`,
      );
      mission = undefined;
      continue;
    }
    if (closedOn && followUp.on < closedOn) {
      cells.fail(column, `le suivi précède la clôture de la mission, le ${frenchDay(closedOn)}`);
      mission = undefined;
      continue;
    }
    const outcome = { jobsCreated: followUp.jobsCreated, jobsMaintained: followUp.jobsMaintained };
    step(
      parisInstantOn(followUp.on, '12:00'),
      (m, now) => {
        // The rule credits the SME's form; here the spreadsheet told it.
        const next = recordFollowUp(m, followUp.month, outcome, now);
        const [line, ...earlier] = [...next.history].reverse();
        return line ? { ...next, history: [...earlier.reverse(), { ...line, actor: importActor }] } : next;
      },
      input.row,
      column,
    );
  }
  if (!mission || errors.length > before) return undefined;

  // The follow-up mail owed is the next one still to come: none is sent for a month long past.
  if (mission.status === 'closed' && mission.closedAt) {
    const closedAt = mission.closedAt;
    const owed = ([12, 24] as const).find(
      (month) =>
        !mission?.outcomes.followUps.some((f) => f.month === month) &&
        addMonthsToInstant(closedAt, month) > nowIso,
    );
    const { nextFollowUp: _rule, ...rest } = mission;
    mission = owed
      ? { ...rest, nextFollowUp: { month: owed, dueAt: addMonthsToInstant(closedAt, owed) } }
      : rest;
  }
  return mission;
};
