import { jsonResponse } from '../http/errors.ts';
import { readSmallTextBody } from '../http/form-request.ts';
import { httpHandler } from '../http/middy.ts';
import { unsubscribeOneClick } from '../use-cases/mail-preferences/preferences.ts';
import { mailPreferencesDependencies } from '../wiring/mail-preferences.ts';

/**
 * POST /api/mail-preferences/unsubscribe?t=<token> — RFC 8058's one-click unsubscription, posted by
 * the reader's mail client (`List-Unsubscribe=One-Click`, form-encoded): no cookie, no page, the
 * signed token as the only credential. Not rate-limited: mail providers post from few addresses.
 */
export const handler = httpHandler(async (event) =>
  jsonResponse(
    200,
    await unsubscribeOneClick(
      mailPreferencesDependencies(),
      event.queryStringParameters?.t,
      readSmallTextBody(event),
      new Date(),
    ),
  ),
);
