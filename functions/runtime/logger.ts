import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One logger for every function. Events are never logged whole: forms carry personal data,
 * so handlers log identifiers and counts only.
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'alize' });
