import { randomUUID } from 'node:crypto';
import { documentClient } from '../../functions/db/client.ts';
import { lastMonth } from '../../functions/use-cases/digests/monthly-statistics.ts';
import type { LocalCloud } from '../../infra/local/cloud.ts';
import { forms } from '../../shared/forms.ts';
import type { InboxView } from '../../shared/staff-api.ts';
import { traceCalls } from '../support/call-trace.ts';
import { validApplication, validContactMessage, validPartnerOffer } from '../support/form-posts.ts';
import { bearer, staffTokens } from '../support/staff-tokens.ts';
import { meterCapacity } from './capacity-meter.ts';

/**
 * What one request costs on a warm instance, as the local front runs the real handler in this
 * process: its DynamoDB and SES calls, how many of them one after another and at most how many at
 * once, and the capacity units DynamoDB counts. Counts, not timings: they follow from the code.
 */
export interface RequestCost {
  request: string;
  status: number;
  dynamodbCalls: number;
  sesCalls: number;
  sequential: number;
  mostAtOnce: number;
  readUnits: number;
  writeUnits: number;
}

const mostAtOnce = (calls: readonly { start: number; end: number }[]) =>
  Math.max(
    0,
    ...calls.map(
      (call) => calls.filter((other) => other.start <= call.start && call.start < other.end).length,
    ),
  );

export const measureRequestCosts = async (cloud: LocalCloud): Promise<RequestCost[]> => {
  const site = cloud.urls.site;
  const token = await staffTokens(cloud.issuer).access('claire.bernard@initiative-indre.example.org');
  const staff = { accept: 'application/json', ...bearer(token) };
  const postJson = (path: string, body: unknown) => () =>
    fetch(`${site}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify(body),
    });
  const inbox = (await (
    await fetch(`${site}/api/staff/applications`, { headers: staff })
  ).json()) as InboxView;
  const reference = inbox.items[0]?.reference ?? '';
  const requests: [string, () => Promise<Response>][] = [
    ['POST candidature', postJson(forms.application.endpoint, validApplication())],
    ['POST proposition d’entreprise', postJson(forms.partnerOffer.endpoint, validPartnerOffer())],
    ['POST message', postJson(forms.contactMessage.endpoint, validContactMessage())],
    ['GET catalogue (Indre)', () => fetch(`${site}/api/catalogue?network=indre`)],
    ['GET boîte de réception (équipe)', () => fetch(`${site}/api/staff/applications`, { headers: staff })],
    [
      'GET une candidature (équipe)',
      () => fetch(`${site}/api/staff/applications/${reference}`, { headers: staff }),
    ],
    [
      'GET statistiques du mois (équipe)',
      () => fetch(`${site}/api/staff/stats?network=indre&month=${lastMonth(new Date())}`, { headers: staff }),
    ],
  ];
  const tally = meterCapacity(documentClient());
  const trace = traceCalls();
  const costs: RequestCost[] = [];
  for (const [request, call] of requests) {
    // Warm: an instance's first request also reads its keys and builds its indexes.
    await (await call()).arrayBuffer();
    tally.readUnits = 0;
    tally.writeUnits = 0;
    trace.reset();
    const response = await call();
    await response.arrayBuffer();
    const calls = trace.calls();
    costs.push({
      request,
      status: response.status,
      dynamodbCalls: calls.filter((c) => c.service === 'dynamodb').length,
      sesCalls: calls.filter((c) => c.service === 'ses').length,
      sequential: trace.sequential(),
      mostAtOnce: mostAtOnce(calls),
      readUnits: tally.readUnits,
      writeUnits: tally.writeUnits,
    });
  }
  return costs;
};
