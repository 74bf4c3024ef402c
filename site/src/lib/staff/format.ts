import {
  type ApplicationStatus,
  applicationStatuses,
  statusLabels,
} from '../../../../shared/application-status.ts';
import { frenchDay, parisIsoDate } from '../../../../shared/dates.ts';
import type { CommitteeSummary, InboxItem } from '../../../../shared/staff-api.ts';

/**
 * How the back office words what the API answers: pure, so the unit tests read them as staff do.
 * Dates come from shared/dates.ts (Paris time, « 1er décembre 2026 »).
 */
const nbsp = '\u00a0';

/** The statuses no move leaves (functions/domain/applications/lifecycle.ts `isFinal`): the inbox's « closed » filter. */
export const closedStatuses = [
  'ineligible',
  'rejected',
  'closed',
  'withdrawn',
] as const satisfies readonly ApplicationStatus[];
export const openStatuses: ApplicationStatus[] = applicationStatuses.filter(
  (status) => !(closedStatuses as readonly string[]).includes(status),
);

export const isStatus = (value: string | null | undefined): value is ApplicationStatus =>
  (applicationStatuses as readonly string[]).includes(value ?? '');

/** `3` → « il y a 3 jours »; « aujourd’hui », « hier ». */
export const daysAgo = (days: number): string => {
  if (days <= 0) return 'aujourd’hui';
  if (days === 1) return 'hier';
  return `il y a ${days}${nbsp}jours`;
};

/** `3` → « 3 jours »; « moins d’un jour », « 1 jour ». */
export const dayCount = (days: number): string => {
  if (days <= 0) return 'moins d’un jour';
  return `${days}${nbsp}${days > 1 ? 'jours' : 'jour'}`;
};

/** On whom an application waits, as the inbox says it at a glance. */
export const waitingOnLabels: Record<NonNullable<InboxItem['waitingOn']>, string> = {
  staff: 'à vous',
  sme: 'à l’entreprise',
  committee: 'au comité',
  missions: 'aux missions',
};

export const waitingOnLabel = (waitingOn: InboxItem['waitingOn']): string =>
  waitingOn ? waitingOnLabels[waitingOn] : 'personne';

/** A committee's clock time `14:30` → « 14 h 30 », `09:00` → « 9 h », as shared/dates.ts writes times. */
export const clockTime = (time: string): string => {
  const [hours = '0', minutes = '00'] = time.split(':');
  const hour = Number(hours);
  return minutes === '00' ? `${hour}${nbsp}h` : `${hour}${nbsp}h${nbsp}${minutes}`;
};

/** « 15 mars 2027 à 14 h 30 », or « 15 mars 2027 » when no time was set. */
export const committeeWhen = ({ date, time }: { date: string; time?: string | undefined }): string =>
  time ? `${frenchDay(date)} à ${clockTime(time)}` : frenchDay(date);

/** A status quoted in a sentence: « Qualifiée » between guillemets, with their no-break spaces. */
export const quotedStatus = (status: ApplicationStatus): string => `«${nbsp}${statusLabels[status]}${nbsp}»`;

/** Committees still to meet (today's included), soonest first; those past, latest first. */
export const splitCommittees = <C extends Pick<CommitteeSummary, 'date' | 'time'>>(
  committees: readonly C[],
  now: Date,
): { upcoming: C[]; past: C[] } => {
  const today = parisIsoDate(now);
  const key = (committee: C) => `${committee.date}T${committee.time ?? '00:00'}`;
  const upcoming = committees.filter((c) => c.date >= today).sort((a, b) => key(a).localeCompare(key(b)));
  const past = committees.filter((c) => c.date < today).sort((a, b) => key(b).localeCompare(key(a)));
  return { upcoming, past };
};

/** The inbox's items, one group per status in the lifecycle's order; the API's order (oldest first) kept within. */
export const groupByStatus = <I extends Pick<InboxItem, 'status'>>(
  items: readonly I[],
): { status: ApplicationStatus; items: I[] }[] =>
  applicationStatuses
    .map((status) => ({ status, items: items.filter((item) => item.status === status) }))
    .filter((group) => group.items.length > 0);

/**
 * What the button of a move says, from where the application stands: taking it off a committee's
 * agenda is not the same gesture as qualifying it.
 */
export const moveLabel = (from: ApplicationStatus, to: ApplicationStatus): string => {
  switch (to) {
    case 'qualified':
      if (from === 'scheduled') return 'Retirer de l’ordre du jour du comité';
      if (from === 'info-requested') return 'Qualifier (les informations sont arrivées)';
      return 'Qualifier la candidature';
    case 'ineligible':
      return 'Déclarer non éligible';
    case 'scheduled':
      return from === 'deferred' ? 'Inscrire à un nouveau comité' : 'Inscrire à un comité';
    case 'info-requested':
      return 'Demander des informations à l’entreprise';
    case 'deferred':
      return 'Ajourner';
    case 'approved':
      return 'Retenir le projet';
    case 'rejected':
      return 'Ne pas retenir le projet';
    case 'withdrawn':
      return 'Retirer la candidature';
    default:
      return `Passer à ${quotedStatus(to)}`;
  }
};

/** A SIRET as printed on a Kbis: `73282932000074` → « 732 829 320 00074 », held on one line. */
export const readableSiret = (siret: string): string => {
  const digits = siret.replace(/\D/g, '');
  return digits.length === 14
    ? [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6, 9), digits.slice(9)].join(nbsp)
    : siret;
};
