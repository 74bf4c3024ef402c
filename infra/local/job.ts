import { randomUUID } from 'node:crypto';
import { functionDefaults } from '../../shared/function-defaults.ts';
import { type ScheduledEvent, schedules } from '../../shared/schedules.ts';
import { readSettingsFile } from '../config.ts';
import { exportFunctionEnvironment } from './function-environment.ts';
import { invokeHandler } from './lambda-runtime.ts';

/**
 * `npm run job -- <schedule> [--now <date et heure>] [--<option> <valeur>]…`: runs a scheduled job now,
 * through the same handler and with the same event as the scheduler gives it (shared/schedules.ts
 * ScheduledEvent), against the local cloud that `npm start` runs. `--now` is the time the job stands
 * for (`2027-03-02T07:30`, read in Paris, or any ISO instant); other options reach the job as they are
 * (`--month 2027-02 --network indre`). The mails it sends appear in the mail viewer.
 */
const usage = `Usage\u00a0: npm run job -- <tâche> [--now 2027-03-02T07:30] [--month 2027-02] [--network indre]
Tâches\u00a0:\n${schedules.map((s) => `  ${s.name} — ${s.description}`).join('\n')}`;

const fail = (message: string): never => {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
};

const port = (name: string, fallback: number) => {
  const raw = process.env[name] ?? String(fallback);
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535)
    fail(`${name} doit être un numéro de port (reçu\u00a0: ${raw}).`);
  return value;
};

/** A wall-clock time without offset is Paris time, as a person means it; an ISO instant is taken as it is. */
export const parisInstant = (text: string): Date | undefined => {
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const instant = new Date(text);
    return Number.isNaN(instant.getTime()) ? undefined : instant;
  }
  const local = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(text);
  if (!local) return undefined;
  const wall = `${local[1]}T${local[2] ?? '12'}:${local[3] ?? '00'}`;
  const paris = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  // Paris is one or two hours ahead of UTC: the offset whose Paris reading is the wall clock typed.
  return ['+01:00', '+02:00']
    .map((offset) => new Date(`${wall}:00${offset}`))
    .find((instant) => paris.format(instant).replace(' ', 'T') === wall);
};

const main = async () => {
  const [name, ...rest] = process.argv.slice(2);
  if (!name || name.startsWith('--')) return fail('Indiquez la tâche à lancer.');
  const definition = schedules.find((schedule) => schedule.name === name || schedule.handler === name);
  if (!definition) return fail(`Aucune tâche «\u00a0${name}\u00a0».`);
  const options: Record<string, string> = {};
  let now = new Date();
  for (let index = 0; index < rest.length; index += 2) {
    const flag = rest[index] ?? '';
    const value = rest[index + 1];
    if (!flag.startsWith('--') || value === undefined) return fail(`Option mal formée\u00a0: ${flag}`);
    if (flag === '--now') {
      now =
        parisInstant(value) ??
        fail(`--now attend une date et une heure, par exemple 2027-03-02T07:30 (reçu\u00a0: ${value}).`);
    } else options[flag.slice(2)] = value;
  }

  const dynamodb = `http://127.0.0.1:${port('ALIZE_DYNAMODB_PORT', 8000)}`;
  const ses = `http://127.0.0.1:${port('ALIZE_SES_PORT', 8005)}`;
  try {
    await fetch(dynamodb, { signal: AbortSignal.timeout(2000) });
  } catch {
    return fail(
      `Le nuage local ne répond pas sur ${dynamodb}\u00a0: lancez d’abord «\u00a0npm start\u00a0» dans un autre terminal.`,
    );
  }
  exportFunctionEnvironment(
    readSettingsFile(),
    { dynamodb, ses },
    `http://localhost:${port('ALIZE_PORT', 4321)}`,
    // Jobs answer no request: the edge secret is never checked here.
    randomUUID(),
  );
  const event: ScheduledEvent = {
    schedule: definition.name,
    scheduledTime: now.toISOString(),
    ...(Object.keys(options).length > 0 ? { options } : {}),
  };
  const result = await invokeHandler(
    definition.handler,
    event,
    definition.timeoutSeconds ?? functionDefaults.timeoutSeconds,
  );
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
};

if (import.meta.url === `file://${process.argv[1]}`) await main();
