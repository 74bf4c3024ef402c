import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BackOfficeConfig } from '../../shared/staff.ts';
import { staffScopes } from '../../shared/staff.ts';
import type { IssuerKeys } from './issuer-keys.ts';
import { codePage, emailPage, problemPage } from './issuer-pages.ts';
import {
  accessTokenClaims,
  idTokenClaims,
  localClientId,
  localIssuerUrl,
  openRefreshToken,
  sealRefreshToken,
  signToken,
  tokenLifetimes,
} from './issuer-tokens.ts';
import { findStaffAccount, type StaffAccount } from './staff-accounts.ts';

/**
 * The local OpenID issuer: what Cognito's user pool and its managed login are in AWS, on loopback,
 * at the same endpoint paths (`/.well-known/openid-configuration`, `/.well-known/jwks.json`,
 * `/oauth2/authorize`, `/oauth2/token`, `/logout`). One public client, the back office, with its
 * registered callback and sign-out URLs; authorization code flow with PKCE S256 required; a
 * 6-digit code mailed (through the local SES) to seeded staff accounts only, the same answer for
 * any other address.
 */
export interface LocalIssuerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  keys: IssuerKeys;
  accounts: readonly StaffAccount[];
  /** Sends the sign-in code; the local cloud sends it through the SES emulator. */
  sendCode(to: string, code: string): Promise<void>;
  /** Shown on the sign-in page: where the code arrives on this machine. */
  mailViewer?: string;
  log?: (line: string) => void;
}

export interface LocalIssuer {
  /** The issuer identifier, e.g. `http://localhost:4568`: `iss` of every token. */
  readonly url: string;
  readonly clientId: string;
  readonly keys: IssuerKeys;
  readonly server: Server;
  /** The back office's callback and sign-out URLs for a site served at these origins. */
  registerSiteOrigins(origins: readonly string[], paths: { callback: string; logout: string }): void;
  /** What the back office's script reads (shared/staff.ts `backOfficeConfigPath`). */
  backOfficeConfig(): BackOfficeConfig;
}

/** How long each step may take, and how often one may try. */
export const signInLimits = {
  requestMinutes: 15,
  codeMinutes: 10,
  codeAttempts: 5,
  codesPerRequest: 3,
  /** As Cognito's authorization codes. */
  authorizationCodeMinutes: 5,
} as const;

interface SignInRequest {
  id: string;
  redirectUri: string;
  state?: string;
  codeChallenge: string;
  scope: string;
  nonce?: string;
  expiresAt: number;
  email?: string;
  account?: StaffAccount;
  code?: { value: string; expiresAt: number; attemptsLeft: number };
  codesSent: number;
}

interface AuthorizationCode {
  account: StaffAccount;
  redirectUri: string;
  codeChallenge: string;
  scope: string;
  nonce?: string;
  authTime: number;
  expiresAt: number;
}

const maxBodyBytes = 16 * 1024;
const minutes = (count: number) => count * 60_000;
const seconds = () => Math.floor(Date.now() / 1000);

const readForm = (request: IncomingMessage): Promise<URLSearchParams | undefined> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    request.on('end', () =>
      resolve(size > maxBodyBytes ? undefined : new URLSearchParams(Buffer.concat(chunks).toString('utf8'))),
    );
    request.on('error', reject);
  });

const sameText = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/** RFC 7636: S256 is BASE64URL(SHA256(code_verifier)); a verifier is 43 to 128 unreserved characters. */
const verifierMatches = (verifier: string | null, challenge: string) =>
  verifier !== null &&
  /^[A-Za-z0-9._~-]{43,128}$/.test(verifier) &&
  sameText(createHash('sha256').update(verifier).digest('base64url'), challenge);

const originOf = (url: string) => new URL(url).origin;

export const startLocalIssuer = async (options: LocalIssuerOptions): Promise<LocalIssuer> => {
  const log = options.log ?? (() => {});
  const requests = new Map<string, SignInRequest>();
  const codes = new Map<string, AuthorizationCode>();
  const client = { callbackUrls: new Set<string>(), logoutUrls: new Set<string>() };
  let url = '';

  const sweep = () => {
    const now = Date.now();
    for (const [id, request] of requests) if (request.expiresAt <= now) requests.delete(id);
    for (const [code, grant] of codes) if (grant.expiresAt <= now) codes.delete(code);
  };

  const restartUrl = () => [...client.logoutUrls][0];

  const securityHeaders = () => ({
    // The issuer's own pages: no script at all, their own small style sheet, forms that post to the
    // issuer, which then sends the browser on to a registered callback (form-action covers that hop).
    'content-security-policy': [
      "default-src 'none'",
      "style-src 'unsafe-inline'",
      `form-action 'self' ${[...new Set([...client.callbackUrls].map(originOf))].join(' ')}`.trim(),
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });

  const sendPage = (response: ServerResponse, status: number, page: string) => {
    response.writeHead(status, { ...securityHeaders(), 'content-type': 'text/html; charset=utf-8' });
    response.end(page);
  };

  // Read from the back office's script on another origin: discovery, keys and tokens allow any origin,
  // as they hold nothing a credential-less request should not read (Cognito's answer likewise).
  const cors = { 'access-control-allow-origin': '*' };
  const sendJson = (
    response: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    response.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      pragma: 'no-cache',
      ...cors,
      ...headers,
    });
    response.end(JSON.stringify(body));
  };
  const tokenError = (response: ServerResponse, error: string, status = 400) =>
    sendJson(response, status, { error });

  const redirect = (response: ServerResponse, location: string) => {
    response.writeHead(302, { ...securityHeaders(), location });
    response.end();
  };

  const problem = (response: ServerResponse, status: number, title: string, message: string) =>
    sendPage(response, status, problemPage({ title, message, restartUrl: restartUrl() }));

  const expired = (response: ServerResponse) =>
    problem(
      response,
      400,
      'Demande de connexion expirée',
      'Cette demande de connexion n’est plus valable. Revenez à l’espace équipe pour recommencer.',
    );

  const activeRequest = (id: string | null) => {
    sweep();
    return id ? requests.get(id) : undefined;
  };

  // GET /oauth2/authorize: check the client and its callback before anything, then show the address form.
  const authorize = (response: ServerResponse, query: URLSearchParams) => {
    const redirectUri = query.get('redirect_uri') ?? '';
    if (query.get('client_id') !== localClientId || !client.callbackUrls.has(redirectUri)) {
      // Never redirect to an address that is not the client's registered callback.
      problem(
        response,
        400,
        'Lien de connexion invalide',
        'Ce lien de connexion ne vient pas de l’espace équipe, ou son adresse de retour n’est pas enregistrée.',
      );
      return;
    }
    const back = (error: string) => {
      const target = new URL(redirectUri);
      target.searchParams.set('error', error);
      const state = query.get('state');
      if (state) target.searchParams.set('state', state);
      redirect(response, target.href);
    };
    if (query.get('response_type') !== 'code') return back('unsupported_response_type');
    const challenge = query.get('code_challenge') ?? '';
    if (query.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
      return back('invalid_request');
    }
    const scopes = (query.get('scope') ?? '').split(' ').filter(Boolean);
    if (
      !scopes.includes('openid') ||
      scopes.some((scope) => !(staffScopes as readonly string[]).includes(scope))
    ) {
      return back('invalid_scope');
    }
    sweep();
    const id = randomBytes(24).toString('base64url');
    requests.set(id, {
      id,
      redirectUri,
      state: query.get('state') ?? undefined,
      codeChallenge: challenge,
      scope: scopes.join(' '),
      nonce: query.get('nonce') ?? undefined,
      expiresAt: Date.now() + minutes(signInLimits.requestMinutes),
      codesSent: 0,
    });
    sendPage(response, 200, emailPage({ request: id, mailViewer: options.mailViewer }));
  };

  // GET /login?demande=…: the address form again (another address, or a new code).
  const showEmailForm = (response: ServerResponse, query: URLSearchParams) => {
    const request = activeRequest(query.get('demande'));
    if (!request) return expired(response);
    sendPage(
      response,
      200,
      emailPage({ request: request.id, email: request.email, mailViewer: options.mailViewer }),
    );
  };

  // POST /login: the address. A seeded account gets a code by mail; any address gets the same page.
  const submitEmail = (response: ServerResponse, form: URLSearchParams) => {
    const request = activeRequest(form.get('demande'));
    if (!request) return expired(response);
    const email = (form.get('email') ?? '').trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
      sendPage(
        response,
        400,
        emailPage({
          request: request.id,
          email,
          mailViewer: options.mailViewer,
          error: 'Saisissez une adresse électronique complète, par exemple prenom.nom@exemple.fr.',
        }),
      );
      return;
    }
    if (request.codesSent >= signInLimits.codesPerRequest) {
      requests.delete(request.id);
      problem(
        response,
        429,
        'Trop de codes demandés',
        `Vous avez demandé ${signInLimits.codesPerRequest}\u00a0codes pour cette connexion. Revenez à l’espace équipe pour recommencer.`,
      );
      return;
    }
    request.codesSent += 1;
    request.email = email;
    request.account = findStaffAccount(email, options.accounts);
    // A new code either way, so that both cases run the same steps; only a known address receives it.
    request.code = {
      value: String(randomInt(0, 1_000_000)).padStart(6, '0'),
      expiresAt: Date.now() + minutes(signInLimits.codeMinutes),
      attemptsLeft: signInLimits.codeAttempts,
    };
    if (request.account) {
      // Not awaited: the answer takes as long whether or not a mail goes out.
      options
        .sendCode(request.account.email, request.code.value)
        .then(() => log('Code de connexion envoyé (boîte des courriels locaux)'))
        .catch((error: Error) => log(`Le code de connexion n’a pas pu être envoyé\u00a0: ${error.name}`));
    }
    sendPage(response, 200, codePage({ request: request.id, email, codeMinutes: signInLimits.codeMinutes }));
  };

  // POST /login/code: the code. Right → back to the callback with an authorization code.
  const submitCode = (response: ServerResponse, form: URLSearchParams) => {
    const request = activeRequest(form.get('demande'));
    if (!request?.email) return expired(response);
    const typed = (form.get('code') ?? '').replace(/\s/g, '');
    const again = (error: string, status = 400) =>
      sendPage(
        response,
        status,
        codePage({
          request: request.id,
          email: request.email ?? '',
          codeMinutes: signInLimits.codeMinutes,
          error,
        }),
      );
    const current = request.code;
    if (!current) return expired(response);
    if (current.attemptsLeft <= 0) {
      return again(
        'Ce code n’est plus valable après trop d’essais. Demandez-en un nouveau avec le lien ci-dessous.',
      );
    }
    if (current.expiresAt <= Date.now()) {
      return again('Ce code a expiré. Demandez-en un nouveau avec le lien ci-dessous.');
    }
    // An address without account holds a code nobody received: it fails here like a wrong code.
    if (!/^\d{6}$/.test(typed) || !request.account || !sameText(typed, current.value)) {
      current.attemptsLeft -= 1;
      return again(
        current.attemptsLeft > 0
          ? `Ce code n’est pas le bon. Vérifiez le dernier courriel reçu\u00a0: il vous reste ${current.attemptsLeft}\u00a0essai${current.attemptsLeft > 1 ? 's' : ''}.`
          : 'Ce code n’est pas le bon, et c’était le dernier essai. Demandez un nouveau code avec le lien ci-dessous.',
      );
    }
    // Right code, once: the sign-in request is spent, an authorization code takes its place.
    requests.delete(request.id);
    const authorizationCode = randomBytes(32).toString('base64url');
    codes.set(authorizationCode, {
      account: request.account,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      scope: request.scope,
      nonce: request.nonce,
      authTime: seconds(),
      expiresAt: Date.now() + minutes(signInLimits.authorizationCodeMinutes),
    });
    const target = new URL(request.redirectUri);
    target.searchParams.set('code', authorizationCode);
    if (request.state) target.searchParams.set('state', request.state);
    log('Connexion à l’espace équipe réussie');
    redirect(response, target.href);
  };

  const issue = async (account: StaffAccount, scope: string, authTime: number, nonce?: string) => {
    const context = {
      issuer: url,
      clientId: localClientId,
      scope,
      authTime,
      originJti: randomUUID(),
      eventId: randomUUID(),
    };
    const accessToken = await signToken(options.keys, accessTokenClaims(account, context));
    const idToken = await signToken(options.keys, idTokenClaims(account, { ...context, nonce, accessToken }));
    return {
      access_token: accessToken,
      id_token: idToken,
      token_type: 'Bearer',
      expires_in: tokenLifetimes.accessSeconds,
    };
  };

  // POST /oauth2/token: a public client (no secret); the code, once, with its PKCE verifier; or a refresh token.
  const token = async (request: IncomingMessage, response: ServerResponse) => {
    if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      return tokenError(response, 'invalid_request');
    }
    const form = await readForm(request);
    if (!form) return tokenError(response, 'invalid_request');
    // The back office's client has no secret: a request that authenticates with one is not it.
    if (request.headers.authorization || form.has('client_secret'))
      return tokenError(response, 'invalid_client', 401);
    if (form.get('client_id') !== localClientId) return tokenError(response, 'invalid_client', 401);
    sweep();
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') {
      const code = form.get('code') ?? '';
      const grant = codes.get(code);
      // Single use: gone at the first exchange, whether it succeeds or not.
      codes.delete(code);
      if (!grant || grant.redirectUri !== form.get('redirect_uri'))
        return tokenError(response, 'invalid_grant');
      if (!verifierMatches(form.get('code_verifier'), grant.codeChallenge))
        return tokenError(response, 'invalid_grant');
      const tokens = await issue(grant.account, grant.scope, grant.authTime, grant.nonce);
      const refreshToken = await sealRefreshToken(
        options.keys,
        { sub: grant.account.sub, clientId: localClientId, scope: grant.scope, authTime: grant.authTime },
        url,
      );
      return sendJson(response, 200, { ...tokens, refresh_token: refreshToken });
    }
    if (grantType === 'refresh_token') {
      const claims = await openRefreshToken(options.keys, form.get('refresh_token') ?? '', url);
      const account = claims && options.accounts.find((candidate) => candidate.sub === claims.sub);
      if (!claims || claims.clientId !== localClientId || !account)
        return tokenError(response, 'invalid_grant');
      // As Cognito without refresh-token rotation: new access and ID tokens, the same refresh token.
      return sendJson(response, 200, await issue(account, claims.scope, claims.authTime));
    }
    return tokenError(response, 'unsupported_grant_type');
  };

  // GET /logout?client_id=…&logout_uri=…: to a registered sign-out URL only.
  const logout = (response: ServerResponse, query: URLSearchParams) => {
    const logoutUri = query.get('logout_uri') ?? '';
    if (query.get('client_id') !== localClientId || !client.logoutUrls.has(logoutUri)) {
      return problem(
        response,
        400,
        'Lien de déconnexion invalide',
        'Ce lien de déconnexion ne vient pas de l’espace équipe, ou son adresse de retour n’est pas enregistrée.',
      );
    }
    log('Déconnexion de l’espace équipe');
    redirect(response, logoutUri);
  };

  const discovery = () => ({
    issuer: url,
    authorization_endpoint: `${url}/oauth2/authorize`,
    token_endpoint: `${url}/oauth2/token`,
    jwks_uri: `${url}/.well-known/jwks.json`,
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: [...staffScopes],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['none'],
  });

  const server = createServer((request, response) => {
    const target = new URL(request.url ?? '/', 'http://localhost');
    const route = `${request.method} ${target.pathname}`;
    const handle = async () => {
      if (request.method === 'OPTIONS') {
        response.writeHead(204, {
          ...cors,
          'access-control-allow-methods': 'GET, POST',
          'access-control-allow-headers': 'content-type, accept, dpop',
          'access-control-max-age': '600',
        });
        return response.end();
      }
      switch (route) {
        case 'GET /.well-known/openid-configuration':
          return sendJson(response, 200, discovery(), { 'cache-control': 'max-age=300' });
        case 'GET /.well-known/jwks.json':
          return sendJson(
            response,
            200,
            { keys: [options.keys.publicJwk] },
            { 'cache-control': 'max-age=300' },
          );
        case 'GET /oauth2/authorize':
          return authorize(response, target.searchParams);
        case 'GET /login':
          return showEmailForm(response, target.searchParams);
        case 'POST /login':
        case 'POST /login/code': {
          const form = await readForm(request);
          if (!form) return expired(response);
          return route === 'POST /login' ? submitEmail(response, form) : submitCode(response, form);
        }
        case 'POST /oauth2/token':
          return token(request, response);
        case 'GET /logout':
          return logout(response, target.searchParams);
        default:
          return problem(
            response,
            404,
            'Page introuvable',
            'Cette adresse n’existe pas sur le service de connexion.',
          );
      }
    };
    handle().catch((error: Error) => {
      log(`Le service de connexion a échoué\u00a0: ${error.name}`);
      if (!response.headersSent)
        problem(response, 500, 'Erreur du service de connexion', 'Réessayez dans un instant.');
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  url = localIssuerUrl((server.address() as AddressInfo).port);

  return {
    url,
    clientId: localClientId,
    keys: options.keys,
    server,
    registerSiteOrigins(origins, paths) {
      for (const origin of origins) {
        client.callbackUrls.add(`${origin}${paths.callback}`);
        client.logoutUrls.add(`${origin}${paths.logout}`);
      }
    },
    backOfficeConfig: () => ({ issuer: url, clientId: localClientId, logoutUrl: `${url}/logout` }),
  };
};
