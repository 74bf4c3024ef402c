import { type EventRuleDefinition, events } from '../../shared/events.ts';
import { functionDefaults } from '../../shared/function-defaults.ts';
import { invokeHandler } from './lambda-runtime.ts';

/**
 * EventBridge's default bus, locally: an event put on it runs the handler of every rule of
 * shared/events.ts whose pattern matches, as AWS would. SES cannot bounce locally, so tests put
 * recorded SES events here.
 */
export interface LocalEventBus {
  /** The handlers' answers, one per matching rule. */
  put(event: unknown): Promise<unknown[]>;
}

/** The subset of EventBridge patterns the rules use: lists of literals, nested fields, `$or`. */
export const matchesPattern = (pattern: unknown, value: unknown): boolean => {
  if (Array.isArray(pattern)) return pattern.some((literal) => literal === value);
  if (typeof pattern !== 'object' || pattern === null) return false;
  return Object.entries(pattern).every(([field, expected]) => {
    if (field === '$or') return (expected as unknown[]).some((branch) => matchesPattern(branch, value));
    const actual =
      typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[field] : undefined;
    return matchesPattern(expected, actual);
  });
};

export const localEventBus = (definitions: readonly EventRuleDefinition[] = events): LocalEventBus => ({
  async put(event) {
    const matching = definitions.filter((definition) => matchesPattern(definition.pattern, event));
    return Promise.all(
      matching.map((definition) =>
        invokeHandler(
          definition.handler,
          event,
          definition.timeoutSeconds ?? functionDefaults.timeoutSeconds,
        ),
      ),
    );
  },
});
