import { mayRead } from '../domain/staff/actor.ts';
import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { config } from '../runtime/config.ts';
import { knownNetworkIds } from '../wiring/networks.ts';

/** GET /api/staff/me — who is signed in, and which networks the back office shows them. */
export const handler = staffHandler(knownNetworkIds, async ({ actor }) => {
  const networks = config()
    .networks.filter((network) => mayRead(actor, network.id))
    .map((network) => ({ id: network.id, name: network.name }));
  return jsonResponse(200, { name: actor.name, scope: actor.scope, networks });
});
