import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { nationalSchema, networksSchema } from '../shared/networks.ts';

/** A legal person as the legal notice names it (LCEN, article 6). */
const legalPersonSchema = z.object({
  name: z.string().min(2),
  /** « association loi de 1901 », « SARL »… */
  legalForm: z.string().min(2).optional(),
  address: z.array(z.string().min(2)).min(1),
  /** SIREN, RNA or RCS number. */
  registration: z.string().min(3).optional(),
  phone: z.string().min(8),
  email: z.email().optional(),
});

/**
 * Deployment settings, read from the `alize` key of cdk.json's context (or `-c alize=...`):
 * networks, sender, recipients, domain, legal notice. Changing a deployment never means editing code.
 */
export const settingsSchema = z.object({
  stage: z.string().regex(/^[a-z][a-z0-9-]{1,15}$/),
  region: z.string().min(5),
  /** Custom domain for the site; null serves it on the CloudFront domain. */
  siteDomain: z.string().nullable(),
  mail: z.object({
    /** The domain verified in SES: each network sends from its own address on it (shared/networks.ts). */
    senderDomain: z.string().regex(/^(?=.{4,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/),
  }),
  national: nationalSchema,
  /** What the legal notice says of who publishes the site and who hosts it. */
  legal: z.object({
    publisher: legalPersonSchema.extend({
      /** Name and role of the person responsible for what the site publishes. */
      publicationDirector: z.string().min(3),
    }),
    host: legalPersonSchema,
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
