import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { networksSchema } from '../shared/networks.ts';

/**
 * Deployment settings, read from the `alize` key of cdk.json's context (or `-c alize=...`):
 * networks, sender, recipients, domain. Changing a deployment never means editing code.
 */
export const settingsSchema = z.object({
  stage: z.string().regex(/^[a-z][a-z0-9-]{1,15}$/),
  region: z.string().min(5),
  /** Custom domain for the site; null serves it on the CloudFront domain. */
  siteDomain: z.string().nullable(),
  mail: z.object({
    from: z.string().min(3),
    nationalContact: z.email(),
  }),
  alarmEmail: z.email(),
  logRetentionDays: z.number().int().positive(),
  forms: z.object({
    /** Submissions (all forms together) one client address may make per hour before a 429. */
    rateLimitPerHour: z.number().int().positive(),
  }),
  networks: networksSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const parseSettings = (raw: unknown): Settings => {
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Invalid "alize" settings in cdk.json context:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
};

/** The local cloud reads the same settings as `cdk synth`, straight from cdk.json. */
export const readSettingsFile = (path = new URL('../cdk.json', import.meta.url)): Settings =>
  parseSettings(JSON.parse(readFileSync(path, 'utf8')).context?.alize);
