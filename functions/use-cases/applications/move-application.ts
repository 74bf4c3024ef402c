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

/** The move itself, on an application already read and in the actor's network: answers it as stored after. */
export const applyMove = async (
  deps: ApplicationsDeps,
  actor: Actor,
  { submission: application, notes }: Found,
  request: TransitionRequest,
  now: Date,
) => {
  if (request.version !== application.version) {
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
  if (application.status === 'scheduled' && application.committee && isDecision(request.to)) {
    await deps.committees.recordDecision(application.committee.id, {
      reference: application.reference,
      decision: request.to as CommitteeDecision,
      ...(request.reason ? { reason: request.reason } : {}),
      at: entry.at,
      actor: entry.actor,
    });
  }
  // The mail is owed in the record itself: if this fails, the outbox run sends it later.
  if (notify) await notifyApplicant(deps, moved, moved.version, now).catch(() => undefined);
  return moved;
};
