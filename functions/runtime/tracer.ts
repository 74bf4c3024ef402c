import { Tracer } from '@aws-lambda-powertools/tracer';
import { serviceName } from '../../shared/metrics.ts';

/**
 * One Tracer per function: X-Ray (Active on every function) shows each invocation and, through the
 * captured SDK clients (functions/db/client.ts, functions/email/mailer.ts), each DynamoDB and SES call.
 *
 * Powertools turns it off outside Lambda (no AWS_EXECUTION_ENV), and the local cloud says so too
 * (POWERTOOLS_TRACE_ENABLED=false): locally there is no X-Ray daemon, nothing is patched or sent.
 *
 * Nothing personal reaches a trace: no handler response (a record, an export), no error's message
 * (it may quote a field), as the environment says (POWERTOOLS_TRACER_CAPTURE_RESPONSE and _ERROR,
 * functions/runtime/config.ts) and the presets repeat; the X-Ray SDK records of a DynamoDB call only
 * the table, index and capacity, and of an SES call only the operation (see mailer.ts for its errors).
 */
export const tracer = new Tracer({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? serviceName });
