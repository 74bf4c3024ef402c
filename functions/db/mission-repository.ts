import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tables } from '../../shared/tables.ts';
import { missionReminderQueue } from '../domain/digests/mission-due.ts';
import type { Mission } from '../domain/missions/mission.ts';
import type { DocumentClient } from './client.ts';
import { type ApplicationData, applicationKeys } from './entities/application.ts';
import {
  followUpQueue,
  missionFromItem,
  missionKey,
  missionSortPrefix,
  missionToItem,
} from './entities/mission.ts';
import { networkStatusKey, type StoredSubmission, submissionFromItem } from './entities/submission.ts';
import { dueQuery, indexQuery, partitionOf, partitionQuery, sortOf } from './keys.ts';
import { conditionalPut, isConditionFailure, putIfAbsent } from './put-if-absent.ts';
import { queryAll } from './query.ts';

export interface ApplicationWithMissions {
  application: StoredSubmission<ApplicationData>;
  missions: Mission[];
}

export interface MissionRepository {
  /** An application and its missions, from one Query on the application's partition. */
  forApplication(reference: string): Promise<ApplicationWithMissions | undefined>;
  /** Writes a new mission; false when its number is taken (someone created one at the same time). */
  create(mission: Mission): Promise<boolean>;
  /**
   * Writes the mission as changed by a rule (its version one more than the one read, its audit line
   * appended), only if the stored version is still the one read; else answers the stored one.
   */
  save(mission: Mission): Promise<{ saved: Mission } | { stale: Mission | undefined }>;
  listByNetworkAndStatus(network: string, status: Mission['status']): Promise<Mission[]>;
  /** Closed missions whose next follow-up is due by `before`, oldest first. */
  listFollowUpsDue(before: Date, limit: number): Promise<Mission[]>;
  /**
   * Missions not closed with something due on or before `day` (a Paris day, `YYYY-MM-DD`), every
   * page: a mission in a lasting state stays due until someone handles it.
   */
  listRemindersDue(day: string): Promise<Mission[]>;
  /**
   * Moves a mission to its next due day (none: off the queue), only if it is still at the version
   * read: the mission itself does not change, so neither does its version.
   */
  setReminderDue(
    mission: Pick<Mission, 'reference' | 'number' | 'version'>,
    day: string | undefined,
  ): Promise<boolean>;
}

const due = tables.data.indexes.byDueDate;

export const missionRepository = (client: DocumentClient, tableName: string): MissionRepository => ({
  async forApplication(reference) {
    const applicationKey = applicationKeys.of(reference);
    const items = await queryAll(client, {
      TableName: tableName,
      ...partitionQuery(partitionOf(applicationKey)),
      ConsistentRead: true,
    });
    const record = items.find((item) => sortOf(item) === sortOf(applicationKey));
    if (!record) return undefined;
    return {
      application: submissionFromItem<ApplicationData>(record),
      missions: items.filter((item) => sortOf(item).startsWith(missionSortPrefix)).map(missionFromItem),
    };
  },

  create: (mission) => putIfAbsent(client, tableName, missionToItem(mission)),

  async save(mission) {
    const saved = await conditionalPut(client, tableName, missionToItem(mission), {
      expression: 'version = :expected',
      values: { ':expected': mission.version - 1 },
    });
    if (!saved) {
      const { Item } = await client.send(
        new GetCommand({
          TableName: tableName,
          Key: missionKey(mission.reference, mission.number),
          ConsistentRead: true,
        }),
      );
      return { stale: Item ? missionFromItem(Item) : undefined };
    }
    return { saved: mission };
  },

  async listByNetworkAndStatus(network, status) {
    const items = await queryAll(client, {
      TableName: tableName,
      ...indexQuery('byNetworkAndStatus', networkStatusKey('mission', network, status)),
    });
    return items.map(missionFromItem);
  },

  async listFollowUpsDue(before, limit) {
    // One page on purpose: a run takes at most `limit` missions, the next run the rest.
    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName: tableName,
        ...dueQuery(followUpQueue, before.toISOString()),
        Limit: limit,
      }),
    );
    return Items.map(missionFromItem);
  },

  async listRemindersDue(day) {
    const items = await queryAll(client, {
      TableName: tableName,
      ...dueQuery(missionReminderQueue, day),
    });
    return items.map(missionFromItem);
  },

  async setReminderDue(mission, day) {
    try {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: missionKey(mission.reference, mission.number),
          ...(day
            ? {
                UpdateExpression: 'SET #queue = :queue, #due = :day',
                ExpressionAttributeValues: {
                  ':queue': missionReminderQueue,
                  ':day': day,
                  ':version': mission.version,
                },
              }
            : {
                UpdateExpression: 'REMOVE #queue, #due',
                ExpressionAttributeValues: { ':version': mission.version },
              }),
          ExpressionAttributeNames: { '#queue': due.partitionKey, '#due': due.sortKey },
          ConditionExpression: 'version = :version',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },
});
