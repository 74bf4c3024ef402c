import * as z from 'zod/mini';

/**
 * Who works in the back office, described once for the user pool (CDK), the local issuer and the
 * functions: staff belong to one group per network (the group is named after the network id), and
 * the national coordination to `national`.
 */
export const nationalGroup = 'national';

/** The OAuth scopes the back office asks for; the API needs nothing beyond the standard ones. */
export const staffScopes = ['openid', 'email', 'profile'] as const;

/**
 * The scope every staff route requires (the routes' `authorizationScopes`): an access token carries
 * it, an ID token carries no scope at all, so only access tokens reach the functions (API Gateway
 * does not read `token_use`, and an ID token's `aud` is the app client's id too).
 */
export const staffApiScope: (typeof staffScopes)[number] = 'openid';

/** The app client's token lifetimes, the local issuer's too: an hour, and a working day to refresh. */
export const staffTokenLifetimes = {
  accessSeconds: 3600,
  idSeconds: 3600,
  refreshSeconds: 12 * 3600,
} as const;

/** Where the back office lives on the site, and where an issuer sends a staff member back after sign-in. */
export const backOfficePath = '/espace-equipe/';
export const signInCallbackPath = '/espace-equipe/connexion/';

/**
 * The back office's pages get their own Content-Security-Policy (shared/security-headers.ts): the
 * CloudFront behaviour of this path pattern in AWS, this test on the local front. With and without
 * the final slash, as `/espace-equipe` is served too.
 */
export const backOfficePathPattern = `${backOfficePath.slice(0, -1)}*`;
export const isBackOfficePath = (path: string) => path.startsWith(backOfficePath.slice(0, -1));

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

/**
 * The mail that brings a staff member their sign-in code, worded once for both issuers: Cognito's
 * template (the user pool's EmailAuthenticationSubject and EmailAuthenticationMessage, where
 * `{####}` stands for the code) and the local issuer's mail.
 */
export const signInCodePlaceholder = '{####}';
export const signInCodeMail = {
  subject: 'Votre code de connexion à l’espace équipe Alizé',
  html: `<p>Bonjour,</p><p>Voici votre code de connexion à l’espace équipe Alizé\u00a0: <strong>${signInCodePlaceholder}</strong></p><p>Saisissez-le sur la page de connexion. Il n’est valable que quelques minutes et ne sert qu’une fois.</p><p>Si vous n’avez pas demandé à vous connecter, ignorez ce message\u00a0: personne ne peut entrer sans ce code.</p>`,
  text: `Bonjour,\n\nVoici votre code de connexion à l’espace équipe Alizé\u00a0: ${signInCodePlaceholder}\n\nSaisissez-le sur la page de connexion. Il n’est valable que quelques minutes et ne sert qu’une fois.\n\nSi vous n’avez pas demandé à vous connecter, ignorez ce message\u00a0: personne ne peut entrer sans ce code.\n`,
} as const;
