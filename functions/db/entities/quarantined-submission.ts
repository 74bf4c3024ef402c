import type { FormName } from '../../../shared/forms.ts';
import { tables } from '../../../shared/tables.ts';
import type { BotReason } from '../../domain/public-forms/anti-bot.ts';
import { networkStatusKey } from './submission.ts';

/**
 * A form post judged a bot's (honeypot filled, or filled in under three seconds) that may still be a
 * person's: an autofilling browser does both. It is kept as posted, under the reference its sender
 * was given, never mailed, and it expires after 30 days. Listed per network through
 * byNetworkAndStatus, so staff can find it, count it, and release or delete it.
 */
export interface QuarantinedSubmission {
  reference: string;
  form: FormName;
  /** The network its postcode points to, or `national`. */
  network: string;
  reason: BotReason;
  /** The fields exactly as posted (after the body was read as UTF-8 JSON or form data). */
  fields: Record<string, unknown>;
  receivedAt: string;
  expiresAt: string;
}

export const quarantineRetentionDays = 30;
export const quarantineEntity = 'quarantined-submission';
const heldStatus = 'held';

export const quarantineKeys = {
  of: (reference: string) => ({
    [tables.data.partitionKey]: `QUARANTINE#${reference}`,
    [tables.data.sortKey]: 'QUARANTINE',
  }),
  /** The byNetworkAndStatus partition of one network's held submissions. */
  listing: (network: string) => networkStatusKey(quarantineEntity, network, heldStatus),
};

const epochSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

export const quarantineToItem = ({ expiresAt, ...submission }: QuarantinedSubmission) => {
  const index = tables.data.indexes.byNetworkAndStatus;
  return {
    ...quarantineKeys.of(submission.reference),
    entity: quarantineEntity,
    ...submission,
    [index.partitionKey]: quarantineKeys.listing(submission.network),
    [index.sortKey]: submission.receivedAt,
    [tables.data.timeToLiveAttribute]: epochSeconds(expiresAt),
  };
};

export const quarantineFromItem = (item: Record<string, unknown>): QuarantinedSubmission => ({
  reference: item.reference as string,
  form: item.form as FormName,
  network: item.network as string,
  reason: item.reason as BotReason,
  fields: item.fields as Record<string, unknown>,
  receivedAt: item.receivedAt as string,
  expiresAt: new Date((item[tables.data.timeToLiveAttribute] as number) * 1000).toISOString(),
});
