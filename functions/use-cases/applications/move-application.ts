import * as z from 'zod/mini';
import {
  type CommitteeDecision,
  committeeDecisions,
  type TransitionRequest,
  transitionRequestSchema,
} from '../../../shared/application-lifecycle.ts';
import type { ApplicationView } from '../../../shared/staff-api.ts';
import {
  type Committee,
  type HistoryEntry,
  planMove,
  StaleVersionError,
  TransitionRefusedError,
} from '../../domain/applications/lifecycle.ts';
import { type Actor, mayChange } from '../../domain/staff/actor.ts';
import type { ApplicationsDeps } from './dependencies.ts';
import { notifies, notifyApplicant } from './notify-applicant.ts';
import { applicationView, notFound } from './views.ts';

const isDecision = (status: string) => (committeeDecisions as readonly string[]).includes(status);

type Found = NonNullable<Awaited<ReturnType<ApplicationsDeps['applications']['get']>>>;

/**
 * A staff member moves an application along its lifecycle: checked against the table, written with
 * its history line in one conditional write on the version they read (two people at once: one wins,
 * the other reads the current state in a 409), then the SME is told.
 */
export const moveApplication = async (
  deps: ApplicationsDeps,
  actor: Actor,
  reference: string,
  raw: unknown,
  now: Date,
): Promise<ApplicationView> => {
  const request = z.parse(transitionRequestSchema, raw);
  const found = await deps.applications.get(reference);
  if (!found || !mayChange(actor, found.submission.network)) throw notFound();
  return applicationView(deps, actor, await applyMove(deps, actor, found, request, now), found.notes);
};

/**
 * Whether the stored application is what this very request made: one version on, its last line this
 * actor's move to the same status, for the same reason — a retry after a lost answer or a crash, not
 * somebody else's change.
 */
export const repeats = (
  application: Found['submission'],
  request: TransitionRequest,
  actor: Actor,
): boolean => {
  const last = application.history.at(-1);
  return (
    application.version === request.version + 1 &&
    last?.actor.id === actor.id &&
    last.to === request.to &&
    (last.reason ?? '') === (request.reason ?? '') &&
    (request.committeeId === undefined || last.committee?.id === request.committeeId) &&
    last.orientation === request.orientation
  );
};

/** What follows a move's write: the committee's record of its decision, then the SME's mail. */
const afterMove = async (
  deps: ApplicationsDeps,
  moved: Found['submission'],
  entry: HistoryEntry,
  now: Date,
  { retry }: { retry: boolean },
) => {
  if (entry.from === 'scheduled' && moved.committee && isDecision(entry.to)) {
    // Once: a retry may find the decision there already, when only the mail was left to do.
    const recorded =
      retry &&
      (await deps.committees.get(moved.committee.id))?.decisions.some(
        (decision) => decision.reference === moved.reference && decision.at === entry.at,
      );
    if (!recorded) {
      await deps.committees.recordDecision(moved.committee.id, {
        reference: moved.reference,
        decision: entry.to as CommitteeDecision,
        ...(entry.reason ? { reason: entry.reason } : {}),
        at: entry.at,
        actor: entry.actor,
      });
    }
  }
  // The mail is owed in the record itself: if this fails, the outbox run sends it later.
  if (notifies(entry.to)) await notifyApplicant(deps, moved, moved.version, now).catch(() => undefined);
};

/** The move itself, on an application already read and in the actor's network: answers it as stored after. */
export const applyMove = async (
  deps: ApplicationsDeps,
  actor: Actor,
  { submission: application, notes }: Found,
  request: TransitionRequest,
  now: Date,
) => {
  if (request.version !== application.version) {
    if (repeats(application, request, actor)) {
      // Finish what the first attempt may have left undone (each step goes once), answer as it would have.
      await afterMove(deps, application, application.history.at(-1) as HistoryEntry, now, { retry: true });
      return application;
    }
    throw new StaleVersionError(await applicationView(deps, actor, application, notes));
  }
  let committee: Committee | undefined;
  if (request.committeeId) {
    const record = await deps.committees.get(request.committeeId);
    if (!record || record.network !== application.network) {
      throw new TransitionRefusedError('Ce comité n’existe pas dans votre réseau.');
    }
    committee = { id: record.id, network: record.network, date: record.date };
  }
  const entry = planMove(
    application,
    { to: request.to, reason: request.reason, committee, orientation: request.orientation },
    'staff',
    { id: actor.id, name: actor.name },
    now,
  );
  const notify = notifies(request.to);
  const result = await deps.applications.move(application, application.version, entry, { notify });
  if ('stale' in result) {
    if (!result.stale) throw notFound();
    throw new StaleVersionError(await applicationView(deps, actor, result.stale, notes));
  }
  const moved = result.moved;
  await afterMove(deps, moved, entry, now, { retry: false });
  return moved;
};
