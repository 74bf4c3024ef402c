import type { StaffDigestCadence } from '../../../shared/mail-preferences.ts';
import type { MailRecipientRepository } from '../../db/mail-recipient-repository.ts';
import type { PersonKeys } from '../privacy/person-keys.ts';

/**
 * For the reminders job: how often each staff address wants its digest, read in one BatchGet
 * (`daily` unless the person chose otherwise on the preferences page). Wiring:
 * `staffDigestCadenceDependencies()` in functions/wiring/mail-preferences.ts. Whether the digest
 * is then sent at all is the outbox's business (an address that stopped the list, or suppressed,
 * is skipped there), so the job need not ask.
 */
export const staffDigestCadencesOf = async (
  deps: { recipients: MailRecipientRepository; personKeys: PersonKeys },
  addresses: readonly string[],
): Promise<Map<string, StaffDigestCadence>> => {
  const keys = await Promise.all(
    addresses.map(async (address) => [address, await deps.personKeys.of(address)] as const),
  );
  const found = await deps.recipients.getMany(keys.map(([, key]) => key));
  return new Map(keys.map(([address, key]) => [address, found.get(key)?.staffDigestCadence ?? 'daily']));
};

/** A weekly digest goes on Mondays (ISO weekday 1, read in Paris by the caller), a daily one every day it runs. */
export const staffDigestDueOn = (cadence: StaffDigestCadence, parisIsoWeekday: number): boolean =>
  cadence === 'daily' || parisIsoWeekday === 1;
