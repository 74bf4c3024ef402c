import { documentClient } from '../db/client.ts';
import { quarantineRepository } from '../db/quarantine-repository.ts';
import { config } from '../runtime/config.ts';
import { once } from '../runtime/once.ts';
import type { QuarantineDeps } from '../use-cases/quarantine/held-submissions.ts';

/** Listing and deleting held submissions: the table only. */
export const quarantineDependencies = once((): QuarantineDeps => {
  const settings = config();
  return {
    quarantine: quarantineRepository(documentClient(), settings.dataTableName),
    networkIds: settings.networks.map((network) => network.id),
  };
});
