import * as oauth from 'oauth4webapi';
import {
  type BackOfficeConfig,
  backOfficeConfigPath,
  backOfficeConfigSchema,
  backOfficePath,
  signInCallbackPath,
  staffScopes,
} from '../../../../shared/staff.ts';

/**
 * The back office's session, in the browser: OpenID Connect with the issuer the deployment names
 * (`backOfficeConfigPath`: Cognito's user pool in AWS, the local issuer on this machine) through
 * oauth4webapi — discovery, authorization code with PKCE (S256), state and nonce, code exchange,
 * refresh, and sign-out through the issuer's logout URL. Tokens live in sessionStorage: the tab's
 * own, gone when it closes, never sent by the browser on its own (no cookie).
 *
 * Pages use: `signIn(returnTo?)`, `completeSignIn()` on the callback page, `staffFetch(path, init)`
 * for every API call (it adds the bearer, refreshes once on a 401, else sends the person to sign in),
 * `signOut()`, and `consumeSignedOut()` to tell a person who just signed out.
 */

const keys = {
  tokens: 'alize.espace-equipe.jetons',
  pending: 'alize.espace-equipe.connexion',
  signedOut: 'alize.espace-equipe.deconnexion',
} as const;

interface Tokens {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

interface PendingSignIn {
  verifier: string;
  state: string;
  nonce: string;
  returnTo: string;
}

/** What went wrong, said to the person: the message is French and shown as is. */
export class SignInError extends Error {
  override name = 'SignInError';
}

// A local issuer answers on plain HTTP on loopback; any other issuer must be HTTPS (oauth4webapi's rule).
const isLoopback = (url: URL) =>
  url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

let configuration: Promise<BackOfficeConfig> | undefined;
const loadConfig = () => {
  configuration ??= (async () => {
    const response = await fetch(backOfficeConfigPath, {
      cache: 'no-cache',
      headers: { accept: 'application/json' },
    });
    const parsed = response.ok ? backOfficeConfigSchema.safeParse(await response.json()) : undefined;
    if (!parsed?.success) {
      throw new SignInError(
        'Le service de connexion de l’espace équipe est introuvable. Réessayez dans un instant, ou prévenez la coordination nationale.',
      );
    }
    return parsed.data;
  })();
  configuration.catch(() => {
    configuration = undefined;
  });
  return configuration;
};

interface Issuer {
  config: BackOfficeConfig;
  as: oauth.AuthorizationServer;
  client: oauth.Client;
  options: { [oauth.allowInsecureRequests]: boolean };
}

let issuer: Promise<Issuer> | undefined;
const loadIssuer = () => {
  issuer ??= (async () => {
    const config = await loadConfig();
    const identifier = new URL(config.issuer);
    const options = { [oauth.allowInsecureRequests]: isLoopback(identifier) };
    try {
      const as = await oauth.processDiscoveryResponse(
        identifier,
        await oauth.discoveryRequest(identifier, options),
      );
      return { config, as, client: { client_id: config.clientId }, options };
    } catch {
      throw new SignInError('Le service de connexion ne répond pas. Réessayez dans un instant.');
    }
  })();
  issuer.catch(() => {
    issuer = undefined;
  });
  return issuer;
};

const redirectUri = () => `${location.origin}${signInCallbackPath}`;

/** Only a page of the back office, on this site: never an address someone slipped into the flow. */
const safeReturn = (path: string | undefined) =>
  path?.startsWith(backOfficePath) && !path.startsWith('//') ? path : backOfficePath;

const readJson = <T>(key: string): T | undefined => {
  const raw = sessionStorage.getItem(key);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
};

const readTokens = () => readJson<Tokens>(keys.tokens);

const storeTokens = (result: oauth.TokenEndpointResponse, previous?: Tokens): Tokens => {
  const tokens: Tokens = {
    accessToken: result.access_token,
    // Cognito returns no new refresh token on a refresh: the first one stays good until it expires.
    refreshToken: result.refresh_token ?? previous?.refreshToken,
    idToken: result.id_token ?? previous?.idToken,
    expiresAt: Date.now() + (result.expires_in ?? 3600) * 1000,
  };
  sessionStorage.setItem(keys.tokens, JSON.stringify(tokens));
  return tokens;
};

const forgetSession = () => {
  sessionStorage.removeItem(keys.tokens);
  sessionStorage.removeItem(keys.pending);
};

/** Whether this tab holds a session (it may still have to be refreshed). */
export const isSignedIn = (): boolean => readTokens() !== undefined;

/**
 * Sends the person to the issuer's sign-in page; back here, on the callback page, `completeSignIn`
 * finishes and returns them to `returnTo` (a back-office page; the current one by default).
 * Never resolves: the page is left.
 */
export const signIn = async (returnTo?: string): Promise<never> => {
  const { as, client } = await loadIssuer();
  if (!as.authorization_endpoint)
    throw new SignInError('Le service de connexion ne répond pas. Réessayez dans un instant.');
  const verifier = oauth.generateRandomCodeVerifier();
  const pending: PendingSignIn = {
    verifier,
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
    returnTo: safeReturn(returnTo ?? `${location.pathname}${location.search}${location.hash}`),
  };
  sessionStorage.setItem(keys.pending, JSON.stringify(pending));
  sessionStorage.removeItem(keys.signedOut);
  const url = new URL(as.authorization_endpoint);
  url.searchParams.set('client_id', client.client_id);
  url.searchParams.set('redirect_uri', redirectUri());
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', staffScopes.join(' '));
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', pending.state);
  url.searchParams.set('nonce', pending.nonce);
  // Cognito's managed login speaks the language it is asked for.
  url.searchParams.set('lang', 'fr');
  location.assign(url.href);
  return new Promise<never>(() => {});
};

/**
 * On the callback page: checks the issuer's answer against the sign-in this tab started (state),
 * exchanges the code with the PKCE verifier, checks the ID token (nonce), keeps the tokens, and
 * gives the back-office page to go back to.
 */
export const completeSignIn = async (): Promise<string> => {
  const pending = readJson<PendingSignIn>(keys.pending);
  sessionStorage.removeItem(keys.pending);
  const answer = new URL(location.href);
  // The code has done its work, whatever happens next: out of the address bar and the history.
  history.replaceState(null, '', location.pathname);
  if (!pending) {
    throw new SignInError(
      'Aucune connexion n’était en cours dans cet onglet. Recommencez depuis l’espace équipe.',
    );
  }
  const { as, client, options } = await loadIssuer();
  try {
    const parameters = oauth.validateAuthResponse(as, client, answer, pending.state);
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.None(),
      parameters,
      redirectUri(),
      pending.verifier,
      options,
    );
    const result = await oauth.processAuthorizationCodeResponse(as, client, response, {
      expectedNonce: pending.nonce,
      requireIdToken: true,
    });
    storeTokens(result);
  } catch {
    throw new SignInError('La connexion n’a pas abouti, ou elle a pris trop de temps. Recommencez.');
  }
  return pending.returnTo;
};

/** New tokens from the refresh token, or undefined when it is gone or no longer accepted. */
const refresh = async (tokens: Tokens): Promise<Tokens | undefined> => {
  if (!tokens.refreshToken) return undefined;
  try {
    const { as, client, options } = await loadIssuer();
    const response = await oauth.refreshTokenGrantRequest(
      as,
      client,
      oauth.None(),
      tokens.refreshToken,
      options,
    );
    return storeTokens(await oauth.processRefreshTokenResponse(as, client, response), tokens);
  } catch {
    return undefined;
  }
};

/** A 401 the function itself gave, for a signed-in person with no network: signing in again would not help. */
const isRefusalOfThePerson = async (response: Response) => {
  try {
    const body = (await response.clone().json()) as { error?: unknown };
    return body.error === 'no_network';
  } catch {
    return false;
  }
};

/**
 * `fetch` for the staff API: the access token as bearer (refreshed first when it has expired). On a
 * 401 from the gateway: one refresh and one retry; if that fails too, the person is sent to sign in
 * (and the promise never resolves). Any other answer is the caller's to read.
 */
export const staffFetch = async (path: string, init: RequestInit = {}): Promise<Response> => {
  let tokens = readTokens();
  if (!tokens) return signIn();
  if (tokens.expiresAt - 30_000 < Date.now()) tokens = (await refresh(tokens)) ?? tokens;
  const send = (current: Tokens) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${current.accessToken}`);
    if (!headers.has('accept')) headers.set('accept', 'application/json');
    return fetch(path, { ...init, headers });
  };
  let response = await send(tokens);
  if (response.status !== 401 || (await isRefusalOfThePerson(response))) return response;
  const refreshed = await refresh(tokens);
  if (refreshed) {
    response = await send(refreshed);
    if (response.status !== 401 || (await isRefusalOfThePerson(response))) return response;
  }
  forgetSession();
  return signIn();
};

/**
 * Forgets the tab's tokens and signs out at the issuer too (Cognito's managed-login session), which
 * sends the browser back to the back office's home. Never resolves: the page is left.
 */
export const signOut = async (): Promise<never> => {
  forgetSession();
  sessionStorage.setItem(keys.signedOut, '1');
  const config = await loadConfig().catch(() => undefined);
  if (!config) {
    location.assign(backOfficePath);
    return new Promise<never>(() => {});
  }
  const url = new URL(config.logoutUrl);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('logout_uri', `${location.origin}${backOfficePath}`);
  location.assign(url.href);
  return new Promise<never>(() => {});
};

/** Whether the person just signed out in this tab (said once, then forgotten). */
export const consumeSignedOut = (): boolean => {
  const signedOut = sessionStorage.getItem(keys.signedOut) !== null;
  sessionStorage.removeItem(keys.signedOut);
  return signedOut;
};
