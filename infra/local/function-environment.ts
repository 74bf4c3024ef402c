import { functionEnvironment } from '../../functions/runtime/config.ts';
import { type TableDefinition, tables } from '../../shared/tables.ts';
import type { Settings } from '../config.ts';

/** The local tables' physical names, as the CDK stack would name them in AWS. */
export const localTableName = (definition: TableDefinition) => `alize-local-${definition.id.toLowerCase()}`;

/**
 * The functions run in this process and read their settings from the environment, as in Lambda;
 * the SDK finds the emulators through the standard per-service endpoint variables.
 */
export const exportFunctionEnvironment = (
  settings: Settings,
  endpoints: { dynamodb: string; ses: string },
  siteUrl: string,
  edgeSecret: string,
) => {
  Object.assign(process.env, {
    AWS_REGION: settings.region,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_SESV2: endpoints.ses,
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    // No X-Ray daemon here. Powertools already turns the Tracer off outside Lambda; said, not guessed.
    POWERTOOLS_TRACE_ENABLED: 'false',
    // An EMF line per request would drown the console of `npm start`; a test that reads them, or
    // someone curious, sets POWERTOOLS_METRICS_DISABLED=false before the cloud starts.
    POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
    ...functionEnvironment({
      dataTableName: localTableName(tables.data),
      networks: settings.networks,
      national: settings.national,
      senderDomain: settings.mail.senderDomain,
      siteUrl,
      formRateLimitPerHour: settings.forms.rateLimitPerHour,
      edgeSecret,
    }),
  });
};
