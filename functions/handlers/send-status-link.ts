import { jsonResponse } from '../http/errors.ts';
import { clientAddress, readJsonBody } from '../http/form-request.ts';
import { httpHandler } from '../http/middy.ts';
import { sendStatusLink, statusLinkAnswer } from '../use-cases/applications/application-status.ts';
import { publicPostLimit } from '../wiring/form-protection.ts';
import { staffDependencies as deps } from '../wiring/staff-mail.ts';

/** POST /api/status/links — a new status link, mailed only to the application's own address. */
export const handler = httpHandler(async (event) => {
  const now = new Date();
  const { limit, edgeSecret } = publicPostLimit();
  // Counted with the forms' posts: asking for links is no way around the hourly limit.
  await limit(clientAddress(event, edgeSecret), now);
  await sendStatusLink(deps(), readJsonBody(event), now);
  return jsonResponse(202, { message: statusLinkAnswer });
});
