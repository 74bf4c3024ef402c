import { describe, expect, it } from 'vitest';
import { readSettingsFile } from '../../infra/config.ts';
import { runLoad } from '../load/run-load.ts';
import { givenLocalCloud } from '../support/local-cloud.ts';
import { claire } from '../support/staff-actors.ts';
import { staffTokens } from '../support/staff-tokens.ts';

/**
 * The short variant of `npm run load` (test/load/run.ts): a few clients at once for a few seconds,
 * against the real front, handlers, dynalite and SES emulator. Only counts are asserted, never
 * timings: under concurrency nothing fails, nothing is lost, nothing is done twice.
 */
// Given a local cloud whose form limit lets one address post many applications
const cloud = givenLocalCloud({ settings: { ...readSettingsFile(), forms: { rateLimitPerHour: 100_000 } } });

describe('the local front under concurrent load', () => {
  it('stores one application and sends two mails per 201, none twice, with no 5xx, while staff work', async () => {
    // When 8 clients submit applications and 3 staff read the inbox and log half-days, for 4 s
    const result = await runLoad({
      site: cloud().urls.site,
      dynamodbEndpoint: cloud().urls.dynamodb,
      mailViewer: cloud().urls.mailViewer,
      durationMs: 4000,
      submitters: 8,
      staffClients: 3,
      staffToken: await staffTokens(cloud().issuer).access(claire.name),
      deliverOutbox: () => cloud().scheduler.runNow('deliver-outbox'),
      baselineClients: 0,
    });
    const { checks, figures } = result;

    // Then everyone was answered, and the work happened
    expect(checks.serverErrors).toBe(0);
    expect(Object.keys(figures.application.statuses)).toEqual(['201']);
    expect(checks.created).toBeGreaterThanOrEqual(8);
    for (const kind of ['inbox', 'plan', 'done'] as const) {
      expect(figures[kind].calls).toBeGreaterThanOrEqual(3);
      expect(Object.keys(figures[kind].statuses)).toEqual([kind === 'plan' ? '201' : '200']);
    }

    // And each 201 is one stored application under its own reference, and nothing else was stored
    expect(checks.stored).toBe(checks.created);
    expect(checks.createdNotStored).toEqual([]);
    expect(checks.storedNotCreated).toEqual([]);
    expect(checks.duplicateReferences).toEqual([]);

    // And each application got its two mails, once each
    expect(checks.mails).toBe(2 * checks.created);
    expect(checks.missingMails).toEqual([]);
    expect(checks.doubledMails).toEqual([]);
    expect(checks.strayMails).toBe(0);
  }, 50_000);
});
