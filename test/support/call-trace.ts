import { dynamoDbClient } from '../../functions/db/client.ts';
import { sesClient } from '../../functions/email/mailer.ts';

/**
 * Every DynamoDB and SES call the functions of this process make, with when it started and ended:
 * attached to their own clients (the instance's singletons), so it sees a request as it runs, with no
 * change to the code. How many calls, and how many of them one after another: the chain of calls each
 * of which started only once the one before had answered (a Promise.all counts once). Counts, not
 * timings: the chain follows from how the code awaits.
 */
export interface TracedCall {
  service: 'dynamodb' | 'ses';
  command: string;
  /** The table item or index a DynamoDB call names, for reading a trace. */
  detail: string;
  start: number;
  end: number;
}

const traced = new WeakSet<object>();
const calls: TracedCall[] = [];

const attach = (
  client: { middlewareStack: { add: (...args: never[]) => void } },
  service: TracedCall['service'],
) => {
  if (traced.has(client)) return;
  traced.add(client);
  const middleware =
    (
      next: (args: { input: Record<string, unknown> }) => Promise<unknown>,
      context: { commandName?: string },
    ) =>
    async (args: { input: Record<string, unknown> }) => {
      const start = performance.now();
      try {
        return await next(args);
      } finally {
        const input = args.input;
        // Marshalled or not, depending on which client sent it.
        const pkOf = (item: unknown) => {
          const pk = (item as Record<string, unknown> | undefined)?.pk;
          return typeof pk === 'string' ? pk : (pk as { S?: string } | undefined)?.S;
        };
        const detail = String(input.IndexName ?? pkOf(input.Key) ?? pkOf(input.Item) ?? '');
        calls.push({ service, command: context.commandName ?? '?', detail, start, end: performance.now() });
      }
    };
  (client.middlewareStack.add as (...args: unknown[]) => void)(middleware, {
    step: 'initialize',
    priority: 'high',
    name: 'testCallTrace',
  });
};

export const traceCalls = () => {
  attach(dynamoDbClient(), 'dynamodb');
  attach(sesClient(true), 'ses');
  attach(sesClient(false), 'ses');
  return {
    reset: () => {
      calls.length = 0;
    },
    calls: () => [...calls].sort((a, b) => a.start - b.start),
    /** The longest chain of calls each started after the previous one ended. */
    sequential: () => {
      const sorted = [...calls].sort((a, b) => a.end - b.end);
      const depth = new Map<TracedCall, number>();
      for (const call of sorted) {
        const before = sorted.filter((other) => other.end <= call.start);
        depth.set(call, 1 + Math.max(0, ...before.map((other) => depth.get(other) ?? 0)));
      }
      return Math.max(0, ...depth.values());
    },
  };
};
