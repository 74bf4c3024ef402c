import {
  type ApplicationSource,
  type ApplicationStatus,
  applicationStatuses,
  type Orientation,
  statusLabels,
} from '../../../shared/application-lifecycle.ts';
import { parisIsoDate } from '../../../shared/dates.ts';
import type { HistoryLine } from '../../../shared/staff-api.ts';
import { DomainError } from '../errors.ts';

/**
 * The allowed moves of an application, in one table. `by: 'staff'` moves are made through the
 * back office's status route; `by: 'missions'` ones only by the missions (issue: missions), so
 * that an application is `in-progress` exactly when it has a mission.
 */
interface Move {
  readonly by: 'staff' | 'missions';
  /** A reason is required: the SME or a colleague will ask why. */
  readonly reason?: 'required';
  /** The move puts the application on a committee's agenda. */
  readonly committee?: 'required';
}

const staff: Move = { by: 'staff' };
const withReason: Move = { by: 'staff', reason: 'required' };
const toCommittee: Move = { by: 'staff', committee: 'required' };

export const transitions: Readonly<Record<ApplicationStatus, Partial<Record<ApplicationStatus, Move>>>> = {
  received: { qualified: staff, ineligible: withReason, 'info-requested': withReason, withdrawn: withReason },
  qualified: {
    scheduled: toCommittee,
    ineligible: withReason,
    'info-requested': withReason,
    withdrawn: withReason,
  },
  'info-requested': {
    qualified: staff,
    scheduled: toCommittee,
    ineligible: withReason,
    withdrawn: withReason,
  },
  // Scheduled: the committee decides, or staff take it off the agenda before the meeting.
  scheduled: {
    approved: staff,
    rejected: withReason,
    deferred: withReason,
    'info-requested': withReason,
    qualified: withReason,
    withdrawn: withReason,
  },
  deferred: { scheduled: toCommittee, withdrawn: withReason },
  approved: { 'in-progress': { by: 'missions' }, withdrawn: withReason },
  'in-progress': { closed: { by: 'missions' }, withdrawn: withReason },
  ineligible: {},
  rejected: {},
  closed: {},
  withdrawn: {},
};

/** No move leaves these: the application's story is told. */
export const isFinal = (status: ApplicationStatus) => Object.keys(transitions[status]).length === 0;
export const openStatuses = applicationStatuses.filter((status) => !isFinal(status));

export interface Committee {
  id: string;
  network: string;
  date: string;
}

/** One line of an application's history, as stored and as the back office shows it. */
export type HistoryEntry = HistoryLine;

export interface LifecycleState {
  network: string;
  status: ApplicationStatus;
  version: number;
}

export interface MoveRequest {
  to: ApplicationStatus;
  reason?: string;
  committee?: Committee;
  orientation?: Orientation;
}

export class TransitionRefusedError extends DomainError {
  readonly code = 'transition_refused';
}

export class StaleVersionError extends DomainError {
  readonly code = 'stale_version';
  readonly current: unknown;
  // Other records guarded by a version (partners, volunteers, competences) say what was changed.
  constructor(
    current: unknown,
    message = 'Quelqu’un a modifié cette candidature pendant que vous la consultiez. Voici son état actuel\u00a0: relisez-la avant d’agir à nouveau.',
  ) {
    super(message);
    this.current = current;
  }
}

const quoted = (status: ApplicationStatus) => `«\u00a0${statusLabels[status]}\u00a0»`;

/**
 * Checks a move against the table and answers the history line it writes. Pure: the clock and the
 * actor are passed in; the repository writes the new status and this line in one conditional write.
 */
export const planMove = (
  state: LifecycleState,
  request: MoveRequest,
  by: Move['by'],
  actor: HistoryEntry['actor'],
  now: Date,
): HistoryEntry => {
  const move = transitions[state.status][request.to];
  if (!move) {
    throw new TransitionRefusedError(
      isFinal(state.status)
        ? `Cette candidature est ${quoted(state.status).toLowerCase()}\u00a0: son statut ne change plus.`
        : `Une candidature ${quoted(state.status).toLowerCase()} ne peut pas passer à ${quoted(request.to).toLowerCase()}.`,
    );
  }
  if (move.by !== by) {
    throw new TransitionRefusedError(
      `Le statut ${quoted(request.to).toLowerCase()} se donne en créant ou en clôturant une mission, pas à la main.`,
    );
  }
  if (move.reason === 'required' && !request.reason) {
    throw new TransitionRefusedError(
      `Indiquez le motif du passage à ${quoted(request.to).toLowerCase()}\u00a0: l’entreprise ou un collègue le demandera.`,
    );
  }
  if (move.committee === 'required') {
    if (!request.committee)
      throw new TransitionRefusedError('Choisissez le comité d’agrément où présenter ce projet.');
    if (request.committee.network !== state.network) {
      throw new TransitionRefusedError('Ce comité n’est pas celui du réseau de la candidature.');
    }
    if (request.committee.date < parisIsoDate(now)) {
      throw new TransitionRefusedError('Ce comité a déjà eu lieu\u00a0: choisissez une date à venir.');
    }
  }
  if (request.orientation && request.to !== 'ineligible') {
    throw new TransitionRefusedError('Une orientation ne s’indique que pour une candidature non éligible.');
  }
  return {
    at: now.toISOString(),
    actor,
    from: state.status,
    to: request.to,
    ...(request.reason ? { reason: request.reason } : {}),
    ...(move.committee
      ? { committee: { id: request.committee?.id ?? '', date: request.committee?.date ?? '' } }
      : {}),
    ...(request.orientation ? { orientation: request.orientation } : {}),
  };
};

/** Who made the first line of a submission that came through the site. */
export const publicFormActor = { id: 'public-form', name: 'Formulaire du site' } as const;

/** The first line of every history: the submission was received, by the site or from a staff member. */
export const receivedEntry = (at: string, actor: HistoryEntry['actor'], note?: string): HistoryEntry => ({
  at,
  actor,
  to: 'received',
  ...(note ? { reason: note } : {}),
});

/** Where a submission came from and who recorded it: the site, or a staff member on the SME's behalf. */
export interface SubmissionOrigin {
  source: ApplicationSource;
  actor: HistoryEntry['actor'];
  /** Said on the first history line (e.g. released from quarantine, and why it was held). */
  note?: string;
}
export const publicFormOrigin: SubmissionOrigin = { source: 'public-form', actor: publicFormActor };

/** The state of a submission just received: version 1, one history line. */
export const receivedState = (createdAt: string, origin: SubmissionOrigin) => ({
  status: 'received' as const,
  createdAt,
  updatedAt: createdAt,
  version: 1,
  history: [receivedEntry(createdAt, origin.actor, origin.note)],
  source: origin.source,
});
