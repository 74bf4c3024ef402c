import { parisYear } from '../../../shared/dates.ts';
import type { FormAccepted, FormName } from '../../../shared/forms.ts';
import type { CounterRepository } from '../../db/counter-repository.ts';
import { quarantineRetentionDays } from '../../db/entities/quarantined-submission.ts';
import { nationalNetwork } from '../../db/entities/submission.ts';
import type { QuarantineRepository } from '../../db/quarantine-repository.ts';
import type { BotReason } from '../../domain/public-forms/anti-bot.ts';
import { departementsOfPostcode } from '../../domain/public-forms/postcodes.ts';
import { formatReference, nationalScope, sequenceOf } from '../../domain/public-forms/reference.ts';
import type { ReferenceData } from '../../domain/public-forms/submission-checks.ts';
import { networkForDepartement } from '../../domain/public-forms/territory.ts';

export interface QuarantineDeps {
  reference: Pick<ReferenceData, 'postcodes' | 'networks'>;
  counters: CounterRepository;
  quarantine: QuarantineRepository;
}

const findPostcode = (raw: Record<string, unknown>): string | undefined => {
  const nested = raw.company;
  const value =
    typeof nested === 'object' && nested !== null
      ? (nested as Record<string, unknown>).postcode
      : raw.postcode;
  return typeof value === 'string' && /^\d{5}$/.test(value.trim()) ? value.trim() : undefined;
};

/**
 * A submission that looks like a bot's is kept aside rather than dropped: it may be a person whose
 * browser filled the form for them. It gets a real reference from the form's own sequence (a person
 * who calls quoting it can be found), is stored as posted, never mailed, and expires after 30 days.
 * The answer is shaped exactly like a real one, so a bot learns nothing.
 */
export const quarantineSubmission = async (
  deps: QuarantineDeps,
  form: FormName,
  fields: Record<string, unknown>,
  reason: BotReason,
  now: Date,
): Promise<FormAccepted> => {
  const postcode = findPostcode(fields);
  const departement = postcode ? departementsOfPostcode(deps.reference.postcodes, postcode)[0] : undefined;
  const routed = departement ? networkForDepartement(deps.reference.networks, departement) : undefined;
  const scope = departement ?? nationalScope;
  const year = parisYear(now);
  const sequence = await deps.counters.next(sequenceOf[form], scope, year);
  const reference = formatReference(form, scope, year, sequence);
  await deps.quarantine.hold({
    reference,
    form,
    network: routed?.id ?? nationalNetwork,
    reason,
    fields,
    receivedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + quarantineRetentionDays * 86_400_000).toISOString(),
  });
  // A real application or offer always names a network; a bot must not learn that its postcode had none.
  const shown = routed ?? (form === 'contactMessage' ? undefined : deps.reference.networks[0]);
  return { reference, network: shown ? { id: shown.id, name: shown.name } : null };
};
