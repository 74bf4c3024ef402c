import * as z from 'zod/mini';
import { metricsNamespace, serviceName } from '../../shared/metrics.ts';
import { type National, type Network, nationalSchema, networksSchema } from '../../shared/networks.ts';
import { tables } from '../../shared/tables.ts';

/**
 * The environment contract between the deployers (CDK stack, local cloud) and the functions.
 * Both sides go through this file: `functionEnvironment` writes it, `config` reads it once per cold start.
 */
export interface RuntimeSettings {
  dataTableName: string;
  networks: Network[];
  national: National;
  /** The SES-verified domain every mail is sent from (one address per network, shared/networks.ts). */
  senderDomain: string;
  /** Public address of the site, for links in mail. */
  siteUrl: string;
  /** Form submissions one client may make per hour before being asked to wait (429). */
  formRateLimitPerHour: number;
  /** What CloudFront puts in `edgeSecretHeader` (shared/routes.ts). */
  edgeSecret: string;
  sesConfigurationSet?: string;
}

/**
 * What Powertools reads, the same for every function: the service and metrics namespace of every
 * log line and metric, and traces that keep no handler response and no error message, which can hold
 * a person's data (functions/runtime/tracer.ts).
 */
export const powertoolsEnvironment = {
  POWERTOOLS_SERVICE_NAME: serviceName,
  POWERTOOLS_METRICS_NAMESPACE: metricsNamespace,
  POWERTOOLS_TRACER_CAPTURE_RESPONSE: 'false',
  POWERTOOLS_TRACER_CAPTURE_ERROR: 'false',
} as const;

export const functionEnvironment = (settings: RuntimeSettings): Record<string, string> => ({
  ...powertoolsEnvironment,
  [tables.data.envVar]: settings.dataTableName,
  NETWORKS: JSON.stringify(settings.networks),
  NATIONAL: JSON.stringify(settings.national),
  SENDER_DOMAIN: settings.senderDomain,
  SITE_URL: settings.siteUrl,
  FORM_RATE_LIMIT_PER_HOUR: String(settings.formRateLimitPerHour),
  EDGE_SECRET: settings.edgeSecret,
  ...(settings.sesConfigurationSet ? { SES_CONFIGURATION_SET: settings.sesConfigurationSet } : {}),
});

/** A variable holding JSON that `schema` must accept. */
const jsonVariable = <T>(name: string, schema: z.ZodMiniType<T>) =>
  z.pipe(
    z.string(),
    z.transform((raw: string, ctx) => {
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        value = undefined;
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        ctx.issues.push({ code: 'custom', message: `${name} is not valid`, input: raw });
        return z.NEVER;
      }
      return parsed.data;
    }),
  );

const envSchema = z.object({
  [tables.data.envVar]: z.string().check(z.minLength(3)),
  NETWORKS: jsonVariable('NETWORKS', networksSchema),
  NATIONAL: jsonVariable('NATIONAL', nationalSchema),
  SENDER_DOMAIN: z.string().check(z.regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/)),
  SITE_URL: z.url(),
  // A string of digits, read as a number once it is known to be one.
  FORM_RATE_LIMIT_PER_HOUR: z.pipe(z.string().check(z.regex(/^[1-9]\d*$/)), z.transform(Number)),
  EDGE_SECRET: z.string().check(z.minLength(16)),
  SES_CONFIGURATION_SET: z.optional(z.string()),
});

/** A deployment mistake, not the caller's: it must answer 500, never a 400 about the request. */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

const parseRuntimeSettings = (env: NodeJS.ProcessEnv): RuntimeSettings => {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    // Variable names only: values hold addresses.
    const names = [...new Set(result.error.issues.map((issue) => String(issue.path[0])))].join(', ');
    throw new ConfigurationError(`Invalid function environment: ${names}`);
  }
  const parsed = result.data;
  return {
    dataTableName: parsed[tables.data.envVar] as string,
    networks: parsed.NETWORKS,
    national: parsed.NATIONAL,
    senderDomain: parsed.SENDER_DOMAIN,
    siteUrl: parsed.SITE_URL,
    formRateLimitPerHour: parsed.FORM_RATE_LIMIT_PER_HOUR,
    edgeSecret: parsed.EDGE_SECRET,
    sesConfigurationSet: parsed.SES_CONFIGURATION_SET,
  };
};

/**
 * In AWS the networks do not fit Lambda's 4 KB of environment, so the CDK bundling replaces this
 * exact expression with their JSON (esbuild `define`); locally it is the variable the local cloud sets.
 */
export const bundledNetworksExpression = 'process.env.NETWORKS';

let cached: RuntimeSettings | undefined;

/** Read at first use rather than at import, so a test or the local cloud can set the environment first. */
export const config = (): RuntimeSettings => {
  // Written out (not read through `process.env[name]`) so that the bundler finds it: see bundledNetworksExpression.
  cached ??= parseRuntimeSettings({ ...process.env, NETWORKS: process.env.NETWORKS });
  return cached;
};
