import * as z from 'zod/mini';
import type { National, Network } from '../../../shared/networks.ts';
import { personQuerySchema } from '../../../shared/privacy.ts';
import type { PersonExport, PersonRecordView } from '../../../shared/staff-api.ts';
import type { CompetenceLabels } from '../../db/directory-repository.ts';
import { exportedSection, kindLabels, volunteerMissionSection } from '../../domain/privacy/person-export.ts';
import { normalisedEmail } from '../../domain/privacy/person-key.ts';
import { type Actor, mayChange, mayRead } from '../../domain/staff/actor.ts';
import { isRecord, type PrivacyDeps } from './anonymise-record.ts';
import type { PersonKeys } from './person-keys.ts';

type Item = Record<string, unknown>;

export interface PersonExportDeps extends PrivacyDeps {
  people: PersonKeys;
  /** Every label, retired competences included: what a person asked for stays readable. */
  competences: CompetenceLabels;
  networks: readonly Network[];
  national: National;
  /** The network id of the messages addressed to the national coordination. */
  nationalNetwork: string;
}

/**
 * Everything held about the person who wrote from one address, in the actor's scope: the records
 * found on byPerson (one Query, no Scan), and for each application, offer or message every item of
 * its own partition (notes, missions, its retention mark). An item found in a partition it shares
 * with others (a volunteer in its network's partition) is exported alone, but for a volunteer's
 * missions, read from the network's missions by the volunteer's id (no Scan either).
 */
export const exportPerson = async (
  deps: PersonExportDeps,
  actor: Actor,
  rawQuery: unknown,
  now: Date,
): Promise<PersonExport> => {
  const { email } = z.parse(personQuerySchema, rawQuery);
  const found = (await deps.privacy.findByPerson(await deps.people.of(email), now)).filter((item) =>
    mayRead(actor, String(item.network)),
  );
  const partitions = await Promise.all(
    found.map((item) =>
      isRecord(item) ? deps.privacy.partition(deps.privacy.partitionOfItem(item), now) : [item],
    ),
  );
  const volunteerMissions = await Promise.all(
    found.map((item) =>
      item.entity === 'volunteer'
        ? deps.privacy.missionsOfVolunteer(String(item.network), String(item.id), now)
        : [],
    ),
  );
  const networkIds = [...new Set(found.map((item) => String(item.network)))];
  const labels = new Map(
    await Promise.all(
      networkIds.map(async (network) => [network, await deps.competences.labels(network)] as const),
    ),
  );
  const networkName = (id: string) =>
    id === deps.nationalNetwork
      ? deps.national.name
      : (deps.networks.find((network) => network.id === id)?.name ?? id);

  const records = found.map((item, index): PersonRecordView => {
    const network = String(item.network);
    const context = {
      networkName,
      competenceLabel: (id: string) => labels.get(network)?.get(id) ?? id,
    };
    const items = (partitions[index] ?? [item]) as Item[];
    // The record first (as read with its partition), then what lives beside it, in key order.
    const record = items.find(isRecord) ?? item;
    const ordered = [record, ...items.filter((other) => other !== record)];
    const anonymisation = item.anonymisation as { at: string } | undefined;
    return {
      reference: String(item.reference ?? item.id ?? ''),
      kind: String(item.entity),
      kindLabel: kindLabels[String(item.entity)] ?? String(item.entity),
      network: { id: network, name: networkName(network) },
      receivedAt: String(item.createdAt),
      anonymisable:
        isRecord(item) &&
        !anonymisation &&
        mayChange(actor, network, { national: network === deps.nationalNetwork }),
      ...(anonymisation ? { anonymisedAt: anonymisation.at } : {}),
      sections: [
        ...ordered.map((entry) => exportedSection(entry, context)),
        ...(volunteerMissions[index] ?? [])
          .sort((a, b) => String(a.startDate).localeCompare(String(b.startDate)))
          .map((mission) => volunteerMissionSection(mission, context)),
      ],
    };
  });
  return {
    email: normalisedEmail(email),
    exportedAt: now.toISOString(),
    exportedBy: actor.name,
    records: records.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt)),
  };
};
