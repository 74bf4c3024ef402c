import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

/**
 * Runs a real handler file the way Lambda would: one module load per handler (a cold start,
 * then warm invocations), a Context whose remaining time counts down, and the timeout enforced.
 */
type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

const handlersFolder = new URL('../../functions/handlers/', import.meta.url);
const loaded = new Map<string, Promise<LambdaHandler>>();

const loadHandler = (name: string): Promise<LambdaHandler> => {
  let handler = loaded.get(name);
  if (!handler) {
    handler = import(new URL(`${name}.ts`, handlersFolder).href).then((module) => {
      if (typeof module.handler !== 'function')
        throw new Error(`functions/handlers/${name}.ts exports no handler`);
      return module.handler as LambdaHandler;
    });
    loaded.set(name, handler);
  }
  return handler;
};

export class LambdaTimeoutError extends Error {
  constructor(name: string, timeoutSeconds: number) {
    super(`Task timed out after ${timeoutSeconds} seconds (${name})`);
    this.name = 'LambdaTimeoutError';
  }
}

/** The context Lambda hands a handler, as the local runtime builds it (the bench builds its own calls with it). */
export const lambdaContext = (name: string, deadline: number): Context => {
  const functionName = `alize-local-${name}`;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-3:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/${new Date().toISOString().slice(0, 10)}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};

export const invokeHandler = async (
  name: string,
  event: unknown,
  timeoutSeconds: number,
): Promise<unknown> => {
  const handler = await loadHandler(name);
  const deadline = Date.now() + timeoutSeconds * 1000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LambdaTimeoutError(name, timeoutSeconds)), timeoutSeconds * 1000);
  });
  try {
    return await Promise.race([handler(event, lambdaContext(name, deadline)), timeout]);
  } finally {
    clearTimeout(timer);
  }
};
