import * as z from 'zod';
import { type Network, networksSchema } from '../../shared/networks.ts';
import { tables } from '../../shared/tables.ts';

/**
 * The environment contract between the deployers (CDK stack, local cloud) and the functions.
 * Both sides go through this file: `functionEnvironment` writes it, `config` reads it once per cold start.
 */
export interface RuntimeSettings {
  dataTableName: string;
  networks: Network[];
  mailFrom: string;
  nationalContactEmail: string;
  /** Public address of the site, for links in mail. */
  siteUrl: string;
  /** Form submissions one client may make per hour before being asked to wait (429). */
  formRateLimitPerHour: number;
  sesConfigurationSet?: string;
}

export const functionEnvironment = (settings: RuntimeSettings): Record<string, string> => ({
  [tables.data.envVar]: settings.dataTableName,
  NETWORKS: JSON.stringify(settings.networks),
  MAIL_FROM: settings.mailFrom,
  NATIONAL_CONTACT_EMAIL: settings.nationalContactEmail,
  SITE_URL: settings.siteUrl,
  FORM_RATE_LIMIT_PER_HOUR: String(settings.formRateLimitPerHour),
  ...(settings.sesConfigurationSet ? { SES_CONFIGURATION_SET: settings.sesConfigurationSet } : {}),
});

const envSchema = z.object({
  [tables.data.envVar]: z.string().min(3),
  NETWORKS: z.string().transform((raw, ctx) => {
    const parsed = networksSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: 'NETWORKS is not a valid list of networks' });
      return z.NEVER;
    }
    return parsed.data;
  }),
  MAIL_FROM: z.string().min(3),
  NATIONAL_CONTACT_EMAIL: z.email(),
  SITE_URL: z.url(),
  // A string of digits rather than z.coerce: coercion and numeric checks would add 8 KB to every bundle.
  FORM_RATE_LIMIT_PER_HOUR: z
    .string()
    .regex(/^[1-9]\d*$/)
    .transform(Number),
  SES_CONFIGURATION_SET: z.string().optional(),
});

const parseRuntimeSettings = (env: NodeJS.ProcessEnv): RuntimeSettings => {
  const parsed = envSchema.parse(env);
  return {
    dataTableName: parsed[tables.data.envVar] as string,
    networks: parsed.NETWORKS,
    mailFrom: parsed.MAIL_FROM,
    nationalContactEmail: parsed.NATIONAL_CONTACT_EMAIL,
    siteUrl: parsed.SITE_URL,
    formRateLimitPerHour: parsed.FORM_RATE_LIMIT_PER_HOUR,
    sesConfigurationSet: parsed.SES_CONFIGURATION_SET,
  };
};

let cached: RuntimeSettings | undefined;

/** Read at first use rather than at import, so a test or the local cloud can set the environment first. */
export const config = (): RuntimeSettings => {
  cached ??= parseRuntimeSettings(process.env);
  return cached;
};
