import { httpHandler } from '../http/middy.ts';
import { publicCalendar } from '../use-cases/missions/mission-calendars.ts';
import { missionLinkDependencies } from '../wiring/mission-links.ts';

/** GET /api/missions/calendar?t=<token> — the mission's calendar from the signed link of a mail, no sign-in. */
export const handler = httpHandler(async (event) => {
  const file = await publicCalendar(missionLinkDependencies(), event.queryStringParameters?.t, new Date());
  return {
    statusCode: 200,
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    },
    body: file.content,
  };
});
