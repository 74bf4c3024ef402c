import * as z from 'zod/mini';

/**
 * Who works in the back office, described once for the user pool (CDK), the local issuer and the
 * functions: staff belong to one group per network (the group is named after the network id), and
 * the national coordination to `national`.
 */
export const nationalGroup = 'national';

/** The OAuth scopes the back office asks for; the API needs nothing beyond the standard ones. */
export const staffScopes = ['openid', 'email', 'profile'] as const;

/** Where the back office lives on the site, and where an issuer sends a staff member back after sign-in. */
export const backOfficePath = '/espace-equipe/';
export const signInCallbackPath = '/espace-equipe/connexion/';

/**
 * What the back office's browser code needs to know about its issuer. Served at `backOfficeConfigPath`
 * by the site (in AWS written into the bucket at deployment, locally served by the front), so one
 * static build works against either issuer.
 */
export const backOfficeConfigPath = '/espace-equipe/config.json';
export const backOfficeConfigSchema = z.object({
  issuer: z.url(),
  clientId: z.string().check(z.minLength(1)),
  /** Cognito's logout endpoint is not in its discovery document: named here for both issuers. */
  logoutUrl: z.url(),
});
export type BackOfficeConfig = z.infer<typeof backOfficeConfigSchema>;
