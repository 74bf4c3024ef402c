import type { DocumentClient } from '../../functions/db/client.ts';
import { directoryRepository } from '../../functions/db/directory-repository.ts';
import { type CapacityMeter, networkActivityReader } from '../../functions/db/network-activity-repository.ts';
import {
  monthStatistics,
  type StatisticsDeps,
} from '../../functions/use-cases/digests/monthly-statistics.ts';

/**
 * What the monthly job reads for one month, in read capacity units as DynamoDB counts them
 * (`ReturnConsumedCapacity`) through the activity reader, every network once (the roll-up reads the
 * same facts again). The directory's reads are left out: they follow the catalogue, not the history.
 * A test runs it with the table at 1× and at 10× its size; the ratio must stay within 1.1.
 */
export const monthlyStatisticsReadCapacity = async (
  client: DocumentClient,
  tableName: string,
  settings: Pick<StatisticsDeps, 'networks' | 'national'>,
  month: string,
): Promise<number> => {
  const meter: CapacityMeter = { readUnits: 0 };
  const deps: StatisticsDeps = {
    ...settings,
    activity: networkActivityReader(client, tableName, meter),
    directory: directoryRepository(client, tableName),
  };
  for (const network of settings.networks) await monthStatistics(deps, network.id, month);
  return meter.readUnits;
};
