import { documentClient } from '../db/client.ts';
import { competenceRepository } from '../db/directory-repository.ts';
import { config } from '../runtime/config.ts';
import { once } from '../runtime/once.ts';

export const catalogueDependencies = once(() => {
  const settings = config();
  return {
    networks: settings.networks,
    competences: competenceRepository(documentClient(), settings.dataTableName),
  };
});
