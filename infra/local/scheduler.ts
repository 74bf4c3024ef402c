import { functionDefaults } from '../../shared/function-defaults.ts';
import { type ScheduleDefinition, type ScheduledEvent, schedules } from '../../shared/schedules.ts';
import { invokeHandler } from './lambda-runtime.ts';
import { nextFireTimes } from './schedule-expression.ts';

/**
 * The local EventBridge Scheduler: fires each schedule of shared/schedules.ts at the times AWS
 * would, with a Scheduler-like event, and never runs a job twice at once.
 */
export interface LocalScheduler {
  /** Fires a schedule now, as if its time had come; answers the handler's result. */
  runNow(name: string): Promise<unknown>;
  stop(): void;
}

const maxTimerMs = 24 * 3_600_000;

export const startScheduler = (
  log: (line: string) => void,
  { autoFire, definitions = schedules }: { autoFire: boolean; definitions?: readonly ScheduleDefinition[] },
): LocalScheduler => {
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Map<string, Promise<unknown>>();
  let stopped = false;

  const fire = (definition: ScheduleDefinition, scheduledTime = new Date()): Promise<unknown> => {
    const current = running.get(definition.name);
    if (current) return current;
    const event: ScheduledEvent = { schedule: definition.name, scheduledTime: scheduledTime.toISOString() };
    const run = invokeHandler(
      definition.handler,
      event,
      definition.timeoutSeconds ?? functionDefaults.timeoutSeconds,
    )
      .then((result) => {
        log(`tâche ${definition.name}\u00a0: ${JSON.stringify(result)}`);
        return result;
      })
      .catch((error: Error) => {
        log(`tâche ${definition.name} en échec\u00a0: ${error.name}`);
        throw error;
      })
      .finally(() => running.delete(definition.name));
    running.set(definition.name, run);
    return run;
  };

  const plan = (
    definition: ScheduleDefinition,
    next = nextFireTimes(definition.expression, definition.timeZone, new Date(), 1)[0],
  ) => {
    if (stopped || !next) return;
    // Timers cannot wait longer than about 24 days, and a monthly job may: wake up daily and look again.
    const wait = Math.min(next.getTime() - Date.now(), maxTimerMs);
    const timer = setTimeout(() => {
      if (Date.now() < next.getTime()) {
        plan(definition, next);
        return;
      }
      fire(definition, next).catch(() => {});
      plan(definition);
    }, wait);
    // A pending schedule must not keep the process alive after everything else stopped.
    timer.unref();
    timers.set(definition.name, timer);
  };

  if (autoFire) for (const definition of definitions) plan(definition);

  return {
    runNow(name) {
      const definition = definitions.find((d) => d.name === name);
      if (!definition) throw new Error(`Unknown schedule ${name}`);
      return fire(definition);
    },
    stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
    },
  };
};
