import * as z from 'zod/mini';
import { anonymisationRequestSchema } from '../../../shared/privacy.ts';
import type { AnonymisationResult } from '../../../shared/staff-api.ts';
import type { PrivacyRepository } from '../../db/privacy-repository.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import {
  type AnonymisationLine,
  anonymisedData,
  anonymisedHistory,
  childRewrites,
} from '../../domain/privacy/anonymisation.ts';
import { type Actor, mayChange } from '../../domain/staff/actor.ts';

type Item = Record<string, unknown>;

export interface PrivacyDeps {
  privacy: PrivacyRepository;
}

/** The record of a partition (the application, offer or message itself), as against its notes and missions. */
export const isRecord = (item: Item) => String(item.entity) in anonymisedData;
export const isRetentionMark = (item: Item) => item.entity === 'retention-mark';

export type AnonymisationOutcome =
  | { outcome: 'anonymised' | 'already'; record: Item; line: AnonymisationLine }
  | { outcome: 'missing' };

/**
 * Anonymises one record and every item of its partition, idempotently and in an order that survives
 * a crash between writes: first the record's retention mark is made due now (so that tonight's job
 * finishes what a crash leaves), then the record in one conditional write with its audit line (its
 * personal fields, `personKey` and opinion gone), then each note, mission… of its partition, and the
 * mark last. Run again, it writes only what is still to do.
 */
export const anonymisePartition = async (
  deps: PrivacyDeps,
  partition: string,
  line: AnonymisationLine,
  now: Date,
  allowed: (record: Item) => boolean,
): Promise<AnonymisationOutcome> => {
  for (let attempt = 0; attempt < 3; attempt++) {
    const items = await deps.privacy.partition(partition, now);
    const record = items.find(isRecord);
    if (!record || !allowed(record)) return { outcome: 'missing' };
    const children = items.filter((item) => item !== record && !isRetentionMark(item));
    // Computed before the first write: a kind of item without a rule stops everything here.
    const rewrites = childRewrites(children);
    const done = record.anonymisation as AnonymisationLine | undefined;
    if (!done) {
      await deps.privacy.setRetention({
        partition,
        reference: String(record.reference),
        kind: String(record.entity),
        dueAt: now.toISOString(),
      });
      const written = await deps.privacy.anonymiseRecord(
        record,
        (record.version as number | undefined) ?? 1,
        {
          set: {
            data: anonymisedData[String(record.entity)]?.((record.data ?? {}) as Item),
            history: anonymisedHistory((record.history ?? []) as Item[]),
            anonymisation: line,
            updatedAt: line.at,
          },
          remove: ['opinion'],
        },
      );
      // Moved, or anonymised, by someone else meanwhile: read again.
      if (written === 'stale') continue;
    }
    for (const { child, rewrite } of rewrites) {
      if (rewrite) await deps.privacy.rewrite(child, rewrite);
    }
    await deps.privacy.dropRetention(partition);
    return done ? { outcome: 'already', record, line: done } : { outcome: 'anonymised', record, line };
  }
  throw new ConflictError('La fiche change en ce moment même\u00a0: réessayez dans un instant.');
};

const notFound = () => new NotFoundError('Cette fiche n’existe pas, ou elle ne relève pas de votre réseau.');

/**
 * Staff anonymise one record on its person's request (an application, a partner offer, a contact
 * message), with the reason kept in its audit line. Only the record's own network acts; the
 * national coordination acts on the messages addressed to it.
 */
export const anonymiseOnRequest = async (
  deps: PrivacyDeps & { nationalNetwork: string },
  actor: Actor,
  reference: string,
  raw: unknown,
  now: Date,
): Promise<AnonymisationResult> => {
  const { reason } = z.parse(anonymisationRequestSchema, raw);
  const partition = deps.privacy.recordPartition(reference);
  if (!partition) throw notFound();
  const result = await anonymisePartition(
    deps,
    partition,
    { at: now.toISOString(), actor: { id: actor.id, name: actor.name }, reason },
    now,
    (record) =>
      mayChange(actor, String(record.network), { national: record.network === deps.nationalNetwork }),
  );
  if (result.outcome === 'missing') throw notFound();
  return {
    reference,
    anonymisedAt: result.line.at,
    anonymisedBy: result.line.actor.name,
    reason: result.line.reason,
    alreadyDone: result.outcome === 'already',
  };
};
