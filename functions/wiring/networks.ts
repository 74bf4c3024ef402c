import { config } from '../runtime/config.ts';

/** The network ids a staff member's groups are read against. */
export const knownNetworkIds = () => config().networks.map((network) => network.id);
