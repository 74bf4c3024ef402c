import * as z from 'zod/mini';
import { recordedSources } from '../../../shared/application-lifecycle.ts';
import type { FormAccepted } from '../../../shared/forms.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { type Actor, mayChange } from '../../domain/staff/actor.ts';
import { type SubmitApplicationDeps, submitApplication } from '../public-forms/submit-application.ts';

const sourceSchema = z.enum(recordedSources as [string, ...string[]]);

/**
 * An application staff record on behalf of an SME they met or that was referred to them: the same
 * rules and checks as the public form, its source kept, the SME acknowledged as through the site.
 */
export const recordApplication = async (
  deps: SubmitApplicationDeps,
  actor: Actor,
  raw: Record<string, unknown>,
  now: Date,
): Promise<FormAccepted> => {
  const { source, ...fields } = raw;
  const parsed = sourceSchema.safeParse(source);
  if (!parsed.success) {
    throw new InvalidInputError([{ field: 'source', message: 'Indiquez d’où vient cette candidature.' }]);
  }
  const { mails: _report, ...accepted } = await submitApplication(deps, fields, now, {
    origin: {
      source: parsed.data as (typeof recordedSources)[number],
      actor: { id: actor.id, name: actor.name },
    },
    mayRecordIn: (network) => mayChange(actor, network),
  });
  return accepted;
};
