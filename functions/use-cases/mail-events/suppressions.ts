import * as z from 'zod/mini';
import type { SuppressionView } from '../../../shared/staff-api.ts';
import { fieldErrors } from '../../../shared/validation.ts';
import type { MailRecipientRepository } from '../../db/mail-recipient-repository.ts';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/staff/actor.ts';

/**
 * The suppression list as staff see it. A suppression is of an address, not of a network (the same
 * address may be an SME's contact in one network and a volunteer's in another), so it is the
 * national coordination's: it reads the list, with the addresses, and lifts a suppression when the
 * person says their mailbox works again. A network's staff are refused (404 with the reason), so that they never
 * read the addresses of another network's people.
 */
const reasonLabels: Record<SuppressionView['reason'], string> = {
  bounce: 'adresse inexistante ou refusée (rejet définitif)',
  complaint: 'courriel signalé comme indésirable',
};

const nationalOnly = (actor: Actor) => {
  if (actor.scope.kind !== 'national') {
    throw new ForbiddenError(
      'Les adresses bloquées sont gérées par la coordination nationale\u00a0: écrivez-lui pour en débloquer une.',
    );
  }
};

export const listSuppressions = async (
  deps: { recipients: MailRecipientRepository },
  actor: Actor,
): Promise<{ suppressions: SuppressionView[] }> => {
  nationalOnly(actor);
  const suppressed = await deps.recipients.listSuppressed();
  return {
    suppressions: suppressed.flatMap(({ recipientKey, suppression, version }) =>
      suppression
        ? [
            {
              key: recipientKey,
              address: suppression.address,
              reason: suppression.reason,
              reasonLabel: reasonLabels[suppression.reason],
              detail: suppression.detail,
              at: suppression.at,
              version,
            },
          ]
        : [],
    ),
  };
};

const liftSchema = z.object({ version: z.number().check(z.int(), z.positive()) });

/** Lifts one suppression on the version read; its audit line (who, when) goes in the same write. */
export const liftSuppression = async (
  deps: { recipients: MailRecipientRepository },
  actor: Actor,
  key: string,
  input: unknown,
  now: Date,
): Promise<{ lifted: true }> => {
  nationalOnly(actor);
  const parsed = liftSchema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(fieldErrors(parsed.error));
  const outcome = await deps.recipients.lift(key, parsed.data.version, actor.id, now);
  if (outcome === 'missing') throw new NotFoundError('Cette adresse n’est pas (ou plus) bloquée.');
  if (outcome === 'stale')
    throw new ConflictError(
      'Cette adresse a changé entre-temps\u00a0: rechargez la page pour la voir telle qu’elle est.',
    );
  return { lifted: true };
};
