import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Competence } from '../../shared/catalogue.ts';
import type { DocumentClient } from './client.ts';
import { competenceFromItem, competenceKeys, competenceToItem } from './entities/competence.ts';
import { queryAll } from './query.ts';

export interface CompetenceRepository {
  listByNetwork(networkId: string): Promise<Competence[]>;
  /** Writes the competence unless one with the same id exists; answers whether it wrote. */
  addIfAbsent(competence: Competence): Promise<boolean>;
}

export const competenceRepository = (client: DocumentClient, tableName: string): CompetenceRepository => ({
  async listByNetwork(networkId) {
    const items = await queryAll(client, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': competenceKeys.partition(networkId),
        ':prefix': competenceKeys.sortPrefix,
      },
    });
    return items.map(competenceFromItem);
  },

  async addIfAbsent(competence) {
    try {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: competenceToItem(competence),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  },
});
