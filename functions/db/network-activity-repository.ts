import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { tables } from '../../shared/tables.ts';
import type { Mission } from '../domain/missions/mission.ts';
import type { DocumentClient } from './client.ts';
import { type ApplicationData, applicationKeys } from './entities/application.ts';
import { committeeFromItem, committeeKeys } from './entities/committee.ts';
import { missionFromItem } from './entities/mission.ts';
import {
  networkEntityKey,
  networkStatusKey,
  type StoredSubmission,
  submissionFromItem,
} from './entities/submission.ts';
import { indexQuery, partitionQuery, sortOf } from './keys.ts';

/**
 * What the monthly statistics read of one network, and nothing older: the applications and missions
 * written since the earliest month asked (byNetworkAndUpdate), the missions still open whatever their
 * last write (byNetworkAndStatus), and the applications decided by the committees of the months asked,
 * in case a decision was typed before its committee's day (the committee partition, by date). Its
 * cost follows the months' activity, never the years of history: `capacity` adds up what each read
 * consumed, as DynamoDB counts it, for the benchmark and its test.
 */
export interface NetworkActivity {
  applications: StoredSubmission<ApplicationData>[];
  /** Each mission with the size of its SME, read from its application. */
  missions: { mission: Mission; employees: number | undefined }[];
}

export interface CapacityMeter {
  readUnits: number;
}

export interface NetworkActivityReader {
  read(network: string, since: string, committeeDays: { from: string; to: string }): Promise<NetworkActivity>;
}

const openMissionStatuses = ['preparing', 'active', 'closing'] as const;
const recent = tables.data.indexes.byNetworkAndUpdate;

export const networkActivityReader = (
  client: DocumentClient,
  tableName: string,
  meter?: CapacityMeter,
): NetworkActivityReader => {
  const count = (consumed: { CapacityUnits?: number } | undefined) => {
    if (meter) meter.readUnits += consumed?.CapacityUnits ?? 0;
  };
  const query = async (input: Omit<QueryCommandInput, 'TableName'>) => {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          ...input,
          ReturnConsumedCapacity: 'TOTAL',
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      count(page.ConsumedCapacity);
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  };
  const touchedSince = (entity: string, network: string, since: string) => {
    const base = indexQuery('byNetworkAndUpdate', networkEntityKey(entity, network));
    return query({
      ...base,
      KeyConditionExpression: `${base.KeyConditionExpression} AND #updated >= :since`,
      ExpressionAttributeNames: { ...base.ExpressionAttributeNames, '#updated': recent.sortKey },
      ExpressionAttributeValues: { ...base.ExpressionAttributeValues, ':since': since },
    });
  };
  const applicationsByReference = async (references: readonly string[]) => {
    const found: Record<string, unknown>[] = [];
    for (let index = 0; index < references.length; index += 100) {
      let keys: Record<string, unknown>[] | undefined = references
        .slice(index, index + 100)
        .map((reference) => applicationKeys.of(reference));
      // A throttled batch hands back what it did not read: asked again until nothing is left.
      while (keys && keys.length > 0) {
        const answer: BatchGetCommandOutput = await client.send(
          new BatchGetCommand({
            RequestItems: { [tableName]: { Keys: keys } },
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        for (const consumed of answer.ConsumedCapacity ?? []) count(consumed);
        found.push(...(answer.Responses?.[tableName] ?? []));
        keys = answer.UnprocessedKeys?.[tableName]?.Keys;
      }
    }
    return found;
  };

  return {
    async read(network, since, committeeDays) {
      const committees = partitionQuery(committeeKeys.partition(network));
      const [applicationItems, missionItems, openItems, committeeItems] = await Promise.all([
        touchedSince('application', network, since),
        touchedSince('mission', network, since),
        Promise.all(
          openMissionStatuses.map((status) =>
            query(indexQuery('byNetworkAndStatus', networkStatusKey('mission', network, status))),
          ),
        ).then((lists) => lists.flat()),
        query({
          ...committees,
          KeyConditionExpression: `${committees.KeyConditionExpression} AND #sort BETWEEN :from AND :to`,
          ExpressionAttributeNames: { ...committees.ExpressionAttributeNames, '#sort': tables.data.sortKey },
          ExpressionAttributeValues: {
            ...committees.ExpressionAttributeValues,
            ':from': sortOf(committeeKeys.of(network, committeeDays.from)),
            ':to': sortOf(committeeKeys.of(network, committeeDays.to)),
          },
        }),
      ]);
      const applications = new Map(
        applicationItems.map((item) => {
          const application = submissionFromItem<ApplicationData>(item);
          return [application.reference, application] as const;
        }),
      );
      const missions = new Map(
        [...missionItems, ...openItems].map((item) => {
          const mission = missionFromItem(item);
          return [mission.id, mission] as const;
        }),
      );
      const decided = committeeItems.flatMap((item) =>
        committeeFromItem(item).decisions.map((decision) => decision.reference),
      );
      const sizes = new Map<string, number | undefined>();
      const missing = [
        ...new Set([...decided, ...[...missions.values()].map((mission) => mission.reference)]),
      ].filter((reference) => !applications.has(reference));
      for (const item of await applicationsByReference(missing)) {
        const application = submissionFromItem<ApplicationData>(item);
        // Read only for the size of a mission's SME, unless a committee of the months decided it.
        if (decided.includes(application.reference)) applications.set(application.reference, application);
        sizes.set(application.reference, application.data?.company?.employees);
      }
      for (const application of applications.values()) {
        sizes.set(application.reference, application.data?.company?.employees);
      }
      return {
        applications: [...applications.values()].filter((application) => application.network === network),
        missions: [...missions.values()].map((mission) => ({
          mission,
          employees: sizes.get(mission.reference),
        })),
      };
    },
  };
};
