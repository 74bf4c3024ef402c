import { staffHandler } from '../http/staff-endpoint.ts';
import { missionCalendarForStaff } from '../use-cases/missions/mission-calendars.ts';
import { missionCalendarDependencies } from '../wiring/missions.ts';
import { knownNetworkIds } from '../wiring/networks.ts';

/** GET /api/staff/missions/{id}/calendar?pour=sme|volunteer — the mission's `.ics`. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, parameter, query, now }) => {
  const file = await missionCalendarForStaff(
    missionCalendarDependencies(),
    actor,
    parameter('id'),
    query.pour,
    now,
  );
  return {
    statusCode: 200,
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'cache-control': 'no-store',
    },
    body: file.content,
  };
});
