import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import {
  type ApplicationStatus,
  applicationStatuses,
  noteSchema,
  opinionSchema,
} from '../../../shared/application-lifecycle.ts';
import type { ApplicationView, InboxView } from '../../../shared/staff-api.ts';
import { openStatuses } from '../../domain/applications/lifecycle.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { type Actor, mayChange, mayRead, networksInScope } from '../../domain/staff/actor.ts';
import type { StaffReadDeps } from './dependencies.ts';
import { applicationView, inboxItem, notFound } from './views.ts';

export const inboxQuerySchema = z.object({
  network: z.optional(z.string().check(z.regex(/^[a-z0-9-]{2,40}$/, 'Ce réseau n’existe pas.'))),
  status: z.optional(z.enum(applicationStatuses, 'Ce statut n’existe pas.')),
});

/**
 * The inbox: the open applications of the networks in the actor's scope (or those of one status),
 * oldest first, one index Query per network and status, and the quarantine's count per network.
 */
export const listInbox = async (
  deps: StaffReadDeps,
  actor: Actor,
  rawQuery: unknown,
  now: Date,
): Promise<InboxView> => {
  const query = z.parse(inboxQuerySchema, rawQuery);
  const ids = deps.networks.map((network) => network.id);
  const inScope = networksInScope(actor, ids);
  if (query.network && !inScope.includes(query.network)) {
    throw new NotFoundError('Ce réseau n’existe pas, ou vous n’y avez pas accès.');
  }
  const networks = query.network ? [query.network] : inScope;
  const statuses: readonly ApplicationStatus[] = query.status ? [query.status] : openStatuses;
  const [lists, counts] = await Promise.all([
    Promise.all(
      networks.flatMap((network) =>
        statuses.map((status) => deps.applications.listByNetworkAndStatus(network, status)),
      ),
    ),
    Promise.all(
      networks.map(async (network) => [network, await deps.quarantine.countHeld(network, now)] as const),
    ),
  ]);
  return {
    items: lists
      .flat()
      .map((application) => inboxItem(application, now))
      .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt)),
    quarantined: Object.fromEntries(counts),
  };
};

export const readApplication = async (
  deps: StaffReadDeps,
  actor: Actor,
  reference: string,
): Promise<ApplicationView> => {
  const found = await deps.applications.get(reference);
  if (!found || !mayRead(actor, found.submission.network)) throw notFound();
  return applicationView(deps, actor, found.submission, found.notes);
};

const changeable = async (deps: StaffReadDeps, actor: Actor, reference: string) => {
  const found = await deps.applications.get(reference);
  if (!found || !mayChange(actor, found.submission.network)) throw notFound();
  return found;
};

/** A note between staff: kept beside the application, never shown to the SME. */
export const addNote = async (
  deps: StaffReadDeps,
  actor: Actor,
  reference: string,
  raw: unknown,
  now: Date,
): Promise<ApplicationView> => {
  const { text } = z.parse(noteSchema, raw);
  const found = await changeable(deps, actor, reference);
  const note = { id: randomUUID(), at: now.toISOString(), author: { id: actor.id, name: actor.name }, text };
  await deps.applications.addNote(reference, note);
  return applicationView(deps, actor, found.submission, [...found.notes, note]);
};

/** Staff's opinion, printed under the application on the committee's agenda. */
export const setOpinion = async (
  deps: StaffReadDeps,
  actor: Actor,
  reference: string,
  raw: unknown,
  now: Date,
): Promise<ApplicationView> => {
  const { opinion } = z.parse(opinionSchema, raw);
  const found = await changeable(deps, actor, reference);
  if (!(await deps.applications.setOpinion(reference, opinion, now))) throw notFound();
  return applicationView(
    deps,
    actor,
    { ...found.submission, opinion, updatedAt: now.toISOString() },
    found.notes,
  );
};
