import * as z from 'zod/mini';
import { parisDateTime } from '../../../shared/dates.ts';
import type { FormAccepted, FormName } from '../../../shared/forms.ts';
import type { HeldSubmissionView } from '../../../shared/staff-api.ts';
import type { QuarantinedSubmission } from '../../db/entities/quarantined-submission.ts';
import { nationalNetwork } from '../../db/entities/submission.ts';
import type { QuarantineRepository } from '../../db/quarantine-repository.ts';
import type { SubmissionOrigin } from '../../domain/applications/lifecycle.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { BotReason } from '../../domain/public-forms/anti-bot.ts';
import { type Actor, mayChange, networksInScope } from '../../domain/staff/actor.ts';

/**
 * The quarantine seen by staff: what was held as a suspected bot, which they release (it becomes
 * the submission it would have been, under the reference its sender was given, mails included)
 * or delete. Held items expire by themselves after 30 days.
 */
export interface QuarantineDeps {
  quarantine: Pick<QuarantineRepository, 'listHeld' | 'get' | 'remove'>;
  networkIds: readonly string[];
}

export interface ReleaseDeps extends QuarantineDeps {
  /** The form's own use case, run on the held fields; it throws InvalidInputError when they do not hold. */
  submit(
    form: FormName,
    fields: Record<string, unknown>,
    now: Date,
    options: { reference: string; origin: SubmissionOrigin },
  ): Promise<FormAccepted>;
}

const reasons: Record<BotReason, string> = {
  honeypot: 'le champ caché aux visiteurs était rempli',
  'too-fast': 'le formulaire a été envoyé moins de 3\u00a0secondes après son affichage',
};

const heldNotFound = () =>
  new NotFoundError(
    'Cet envoi n’est plus en quarantaine (libéré, supprimé ou expiré), ou il ne relève pas de votre réseau.',
  );

/** Contact messages for the national coordination are held under `national`: theirs to judge. */
const owns = (actor: Actor, network: string) =>
  network === nationalNetwork ? actor.scope.kind === 'national' : mayChange(actor, network);

const view = (held: QuarantinedSubmission): HeldSubmissionView => ({
  reference: held.reference,
  form: held.form,
  network: held.network,
  reason: reasons[held.reason],
  receivedAt: held.receivedAt,
  expiresAt: held.expiresAt,
  fields: held.fields,
});

export const quarantineQuerySchema = z.object({
  network: z.optional(z.string().check(z.regex(/^[a-z0-9-]{2,40}$/, 'Ce réseau n’existe pas.'))),
});

export const listHeld = async (
  deps: QuarantineDeps,
  actor: Actor,
  rawQuery: unknown,
  now: Date,
): Promise<{ held: HeldSubmissionView[] }> => {
  const query = z.parse(quarantineQuerySchema, rawQuery);
  const inScope = [
    ...networksInScope(actor, deps.networkIds),
    ...(actor.scope.kind === 'national' ? [nationalNetwork] : []),
  ];
  if (query.network && !inScope.includes(query.network)) throw heldNotFound();
  const lists = await Promise.all(
    (query.network ? [query.network] : inScope).map((network) => deps.quarantine.listHeld(network, now)),
  );
  return {
    held: lists
      .flat()
      .map(view)
      .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt)),
  };
};

const ownHeld = async (deps: QuarantineDeps, actor: Actor, reference: string, now: Date) => {
  const held = await deps.quarantine.get(reference, now);
  if (!held || !owns(actor, held.network)) throw heldNotFound();
  return held;
};

export const releaseHeld = async (
  deps: ReleaseDeps,
  actor: Actor,
  reference: string,
  now: Date,
): Promise<FormAccepted> => {
  const held = await ownHeld(deps, actor, reference, now);
  const accepted = await deps.submit(held.form, held.fields, now, {
    reference: held.reference,
    origin: {
      source: 'public-form',
      actor: { id: actor.id, name: actor.name },
      note: `Sortie de quarantaine\u00a0: cet envoi, reçu par le site le ${parisDateTime(held.receivedAt)}, avait été retenu parce que ${reasons[held.reason]}.`,
    },
  });
  await deps.quarantine.remove(held.reference);
  return accepted;
};

export const discardHeld = async (deps: QuarantineDeps, actor: Actor, reference: string, now: Date) => {
  const held = await ownHeld(deps, actor, reference, now);
  await deps.quarantine.remove(held.reference);
};
