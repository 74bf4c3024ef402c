import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSettingsFile } from '../../infra/config.ts';
import { dimensions, metricsNamespace, serviceName } from '../../shared/metrics.ts';
import { poster, validApplication, validContactMessage } from '../support/form-posts.ts';
import { givenLocalCloud, mailbox } from '../support/local-cloud.ts';

// The local cloud keeps metrics off so that `npm start` stays readable; this file reads them, so it
// turns them on before its cloud starts (and before any handler builds its Metrics).
process.env.POWERTOOLS_METRICS_DISABLED = 'false';

const cloud = givenLocalCloud({ settings: { ...readSettingsFile(), forms: { rateLimitPerHour: 1000 } } });
const api = poster(cloud);

/** One EMF line as Powertools writes it: `_aws` says which keys are metrics and which are dimensions. */
interface EmfLine {
  _aws: {
    Timestamp: number;
    CloudWatchMetrics: {
      Namespace: string;
      Dimensions: string[][];
      Metrics: { Name: string; Unit: string }[];
    }[];
  };
  [key: string]: unknown;
}

/**
 * What the handlers write to stdout and stderr during a test, as Lambda would ship it to CloudWatch:
 * the EMF lines parsed and kept from the test's output, everything else kept as text and let through.
 */
let captured: { emf: EmfLine[]; raw: string[]; other: string[] };
const originals = { stdout: process.stdout.write, stderr: process.stderr.write };
const capture =
  (stream: NodeJS.WriteStream, original: typeof process.stdout.write) =>
  (chunk: unknown, ...rest: unknown[]) => {
    const lines = String(chunk).split('\n').filter(Boolean);
    for (const line of lines) {
      if (line.includes('"_aws"')) {
        captured.raw.push(line);
        captured.emf.push(JSON.parse(line) as EmfLine);
      } else captured.other.push(line);
    }
    if (lines.length > 0 && lines.every((line) => line.includes('"_aws"'))) return true;
    return (original as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
  };

beforeEach(async () => {
  await mailbox(cloud().urls.mailViewer).clear();
  captured = { emf: [], raw: [], other: [] };
  process.stdout.write = capture(process.stdout, originals.stdout) as typeof process.stdout.write;
  process.stderr.write = capture(process.stderr, originals.stderr) as typeof process.stderr.write;
});

afterEach(() => {
  process.stdout.write = originals.stdout;
  process.stderr.write = originals.stderr;
});

/** The lines that carry `metric`, with the metric's unit and the line's dimension sets. */
const linesWith = (metric: string) =>
  captured.emf
    .filter((line) => line._aws.CloudWatchMetrics.some((set) => set.Metrics.some((m) => m.Name === metric)))
    .map((line) => {
      const [set] = line._aws.CloudWatchMetrics;
      return {
        line,
        namespace: set?.Namespace,
        dimensionSets: set?.Dimensions,
        unit: set?.Metrics.find((m) => m.Name === metric)?.Unit,
        value: line[metric],
      };
    });

/** Every dimension any metric line is split by, with the values it took. */
const dimensionValues = () => {
  const values = new Map<string, Set<unknown>>();
  for (const line of captured.emf)
    for (const set of line._aws.CloudWatchMetrics)
      for (const name of set.Dimensions.flat())
        values.set(name, (values.get(name) ?? new Set()).add(line[name]));
  return Object.fromEntries([...values].map(([name, set]) => [name, [...set]]));
};

describe('the metrics the functions emit (CloudWatch EMF on stdout)', () => {
  it('counts an application for its network with the mails left to the outbox, and nothing personal', async () => {
    // Given an SME of Châteauroux (Indre) applying
    const application = validApplication();
    const key = { 'idempotency-key': crypto.randomUUID() };

    // When it sends its application
    const response = await api.json('/api/applications', application, key);

    // Then one application is counted, in the namespace and service the alarms watch, for the Indre network
    expect(response.status).toBe(201);
    const reference = String(response.json().reference);
    const [received, ...more] = linesWith('ApplicationsReceived');
    expect(more).toEqual([]);
    expect(received).toMatchObject({
      namespace: metricsNamespace,
      dimensionSets: [[dimensions.service, dimensions.network]],
      unit: 'Count',
      value: 1,
      line: { service: serviceName, network: 'indre' },
    });
    // And, both mails having left at once, none was left to the outbox
    expect(linesWith('MailsDeferred')).toMatchObject([{ value: 0, line: { network: 'indre' } }]);

    // And no metric line names the company, the person, their address or phone, or the reference
    const personal = [
      application.contact.email,
      application.contact.firstName,
      application.contact.lastName,
      application.contact.phone,
      application.company.name,
      String(application.company.siret).replaceAll(' ', ''),
      reference,
    ];
    expect(captured.raw.length).toBeGreaterThan(0);
    for (const line of captured.raw) for (const value of personal) expect(line).not.toContain(value);
    expect(dimensionValues()).toEqual({ service: [serviceName], network: ['indre'] });

    // When the same post comes again (a double click), its first answer is replayed
    captured.emf = [];
    const replayed = await api.json('/api/applications', application, key);

    // Then it is not counted twice
    expect(replayed.json().reference).toBe(reference);
    expect(linesWith('ApplicationsReceived')).toEqual([]);
  });

  it('counts a contact message for the national coordination under `national`, never its sender', async () => {
    // Given a question with neither network nor postcode
    const message = validContactMessage();

    // When it is sent
    const response = await api.json('/api/contact', message, { 'idempotency-key': crypto.randomUUID() });

    // Then it is counted for the national coordination, and its sender appears nowhere
    expect(response.status).toBe(201);
    expect(linesWith('ContactMessagesReceived')).toMatchObject([{ value: 1, line: { network: 'national' } }]);
    for (const line of captured.raw) {
      expect(line).not.toContain(message.email);
      expect(line).not.toContain(message.name);
      expect(line).not.toContain(String(response.json().reference));
    }
  });

  it('times each job run, counts it as run, and counts what it did without the job’s dimension', async () => {
    // When the outbox job runs
    await cloud().scheduler.runNow('deliver-outbox');

    // Then its duration and its run are counted under its schedule's name, one line each
    expect(linesWith('JobDuration')).toMatchObject([
      {
        namespace: metricsNamespace,
        dimensionSets: [[dimensions.service, dimensions.job]],
        unit: 'Milliseconds',
        line: { service: serviceName, job: 'deliver-outbox' },
      },
    ]);
    expect(linesWith('JobRan')).toMatchObject([
      { dimensionSets: [[dimensions.service, dimensions.job]], value: 1, line: { job: 'deliver-outbox' } },
    ]);
    // And the mails it gave up on (none) are counted service-wide, where their alarm looks
    expect(linesWith('MailsFailed')).toMatchObject([{ dimensionSets: [[dimensions.service]], value: 0 }]);

    // When the daily reminders run
    captured.emf = [];
    await cloud().scheduler.runNow('reminders');

    // Then its run and the mails of each kind it queued are counted too
    expect(linesWith('JobRan')).toMatchObject([{ line: { job: 'reminders' } }]);
    for (const metric of ['RemindersSent', 'DigestsSent', 'ConfirmationsSent'])
      expect(linesWith(metric), metric).toMatchObject([
        { dimensionSets: [[dimensions.service]], unit: 'Count' },
      ]);
  });

  it('writes no metric line and no warning for a request that counts nothing', async () => {
    // When someone reads the catalogue
    const response = await fetch(`${cloud().urls.site}/api/catalogue`);

    // Then the answer comes, with no empty metric line and no "no metrics" notice beside it, and
    // nothing from a tracer looking for an X-Ray daemon the local cloud does not have
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    expect(captured.emf).toEqual([]);
    expect(captured.other.filter((line) => /metric|x-?ray|segment/i.test(line))).toEqual([]);
  });
});
