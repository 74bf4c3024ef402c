import type { Competence } from '../../shared/catalogue.ts';
import type { DocumentClient } from './client.ts';
import { competenceFromItem, competenceKeys, competenceToItem } from './entities/competence.ts';
import { putIfAbsent } from './put-if-absent.ts';
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

  addIfAbsent: (competence) => putIfAbsent(client, tableName, competenceToItem(competence)),
});
