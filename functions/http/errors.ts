import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
// The class itself, not `z.core.$ZodError`: reading it through the `core` namespace would bundle all of zod.
import { $ZodError } from 'zod/v4/core';
import type { ApiError } from '../../shared/api-errors.ts';
import { fieldErrors } from '../../shared/validation.ts';
import { StaleVersionError, TransitionRefusedError } from '../domain/applications/lifecycle.ts';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  IdempotencyKeyReusedError,
  InvalidInputError,
  NotFoundError,
  SubmissionInProgressError,
  TooManySubmissionsError,
  UnknownNetworkError,
} from '../domain/errors.ts';

/** HTTP-level refusals that are not domain rules: the request itself is malformed. */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly headers: Record<string, string>;
  constructor(statusCode: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
    this.headers = headers;
  }
}

export const jsonResponse = (
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body: JSON.stringify(body),
});

const domainStatus = (error: DomainError): number => {
  if (error instanceof InvalidInputError) return 400;
  // Forbidden too: CloudFront answers every 403 with the site's 404 page, which would hide the reason
  // this JSON gives (the route is the national coordination's).
  if (
    error instanceof UnknownNetworkError ||
    error instanceof NotFoundError ||
    error instanceof ForbiddenError
  )
    return 404;
  if (error instanceof StaleVersionError || error instanceof ConflictError) return 409;
  if (error instanceof TransitionRefusedError) return 422;
  if (error instanceof SubmissionInProgressError) return 409;
  if (error instanceof TooManySubmissionsError) return 429;
  if (error instanceof IdempotencyKeyReusedError) return 422;
  return 422;
};

/** What the SDK reports when a service (DynamoDB) cannot be reached, or says it cannot keep up. */
const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'EAI_AGAIN',
]);
const overloadedNames = new Set([
  'TimeoutError',
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
]);

/**
 * An AWS SDK error that is the service's state, not a bug: the client ran out of retries. Read down
 * the `cause` chain, since Powertools' idempotency wraps the error of its store.
 */
export const isServiceUnavailable = (error: unknown): boolean => {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const { code, name } = current as Error & { code?: string };
    if ('$metadata' in current && ((code && unreachableCodes.has(code)) || overloadedNames.has(name))) {
      return true;
    }
    current = current.cause;
  }
  return false;
};

/**
 * The one mapping from a thrown error to what the client reads. Anything unexpected is a bug:
 * it answers a generic French 500 and never echoes the error, which may hold personal data.
 */
export const errorResponse = (error: unknown): APIGatewayProxyStructuredResultV2 | undefined => {
  if (error instanceof HttpError) {
    return jsonResponse(
      error.statusCode,
      { error: error.code, message: error.message } satisfies ApiError,
      error.headers,
    );
  }
  if (error instanceof $ZodError) {
    return jsonResponse(400, {
      error: 'invalid_input',
      message: 'Certaines informations sont à corriger.',
      errors: fieldErrors(error),
    } satisfies ApiError);
  }
  if (error instanceof DomainError) {
    const body: ApiError = { error: error.code, message: error.message };
    if (error instanceof InvalidInputError) body.errors = error.errors;
    // Two staff acting at once: the one who lost reads what the other did.
    if (error instanceof StaleVersionError && error.current !== undefined) {
      return jsonResponse(409, { ...body, current: error.current });
    }
    const headers: Record<string, string> =
      error instanceof TooManySubmissionsError ? { 'retry-after': String(error.retryAfterSeconds) } : {};
    return jsonResponse(domainStatus(error), body, headers);
  }
  // Not the person's fault, nor a bug: say so, and when to come back (the SDK has retried already).
  if (isServiceUnavailable(error)) {
    return jsonResponse(
      503,
      {
        error: 'unavailable',
        message: 'Le service ne répond pas pour le moment. Réessayez dans quelques minutes.',
      } satisfies ApiError,
      { 'retry-after': '60' },
    );
  }
  return undefined;
};

export const internalErrorResponse = (): APIGatewayProxyStructuredResultV2 =>
  jsonResponse(500, {
    error: 'internal_error',
    message: 'Une erreur inattendue est survenue de notre côté. Réessayez dans quelques minutes.',
  } satisfies ApiError);
