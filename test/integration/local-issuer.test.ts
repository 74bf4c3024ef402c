import { createHash, randomBytes } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import * as oauth from 'oauth4webapi';
import { beforeEach, describe, expect, it } from 'vitest';
import { signInLimits } from '../../infra/local/issuer.ts';
import { signInCallbackPath, staffScopes } from '../../shared/staff.ts';
import { givenLocalCloud, mailbox } from '../support/local-cloud.ts';
import { readableText, typographyFaults } from '../support/typography.ts';

/**
 * The local issuer over HTTP, as a browser and the back office's script use it: the discovery
 * document, the address and code pages, the code exchange (through oauth4webapi, the library the
 * back office uses), refresh and sign-out, and each way a request is turned away.
 */
const cloud = givenLocalCloud();
const claire = 'claire.bernard@initiative-indre.example.org';

beforeEach(async () => {
  await mailbox(cloud().urls.mailViewer).clear();
});

const pkce = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

const callback = () => `${cloud().urls.site}${signInCallbackPath}`;

const authorizeUrl = (overrides: Record<string, string | undefined> = {}, challenge = pkce().challenge) => {
  const url = new URL(`${cloud().urls.issuer}/oauth2/authorize`);
  const parameters: Record<string, string | undefined> = {
    client_id: cloud().issuer.clientId,
    redirect_uri: callback(),
    response_type: 'code',
    scope: staffScopes.join(' '),
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'etat-123',
    nonce: 'nonce-456',
    ...overrides,
  };
  for (const [name, value] of Object.entries(parameters))
    if (value !== undefined) url.searchParams.set(name, value);
  return url;
};

const hiddenRequest = (page: string) => /name="demande" value="([^"]+)"/.exec(page)?.[1] ?? '';

const post = (path: string, fields: Record<string, string>) =>
  fetch(`${cloud().urls.issuer}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  });

const mailedCode = async (to: string) => {
  await expect.poll(async () => (await mailbox(cloud().urls.mailViewer).all()).length).toBeGreaterThan(0);
  const mail = (await mailbox(cloud().urls.mailViewer).all()).find((m) => m.destination.to.includes(to));
  return /\b(\d{6})\b/.exec(mail?.body.text ?? '')?.[1] ?? '';
};

/** Address, then code: the authorization code the issuer sends back to the callback, and the page texts. */
const signInAs = async (email: string, challenge: string) => {
  const start = await fetch(authorizeUrl({}, challenge));
  const request = hiddenRequest(await start.text());
  const codePage = await (await post('/login', { demande: request, email })).text();
  const code = await mailedCode(email);
  const back = await post('/login/code', { demande: request, code });
  return { back, codePage, request };
};

const server = async () => {
  const issuer = new URL(cloud().urls.issuer);
  const response = await oauth.discoveryRequest(issuer, { [oauth.allowInsecureRequests]: true });
  return oauth.processDiscoveryResponse(issuer, response);
};

describe('the local issuer', () => {
  it('publishes a discovery document and its keys at Cognito’s paths', async () => {
    const as = await server();

    expect(as).toMatchObject({
      issuer: cloud().urls.issuer,
      authorization_endpoint: `${cloud().urls.issuer}/oauth2/authorize`,
      token_endpoint: `${cloud().urls.issuer}/oauth2/token`,
      jwks_uri: `${cloud().urls.issuer}/.well-known/jwks.json`,
    });
    const jwks = (await (await fetch(as.jwks_uri ?? '')).json()) as { keys: Record<string, string>[] };
    expect(jwks.keys).toEqual([
      expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: cloud().issuer.keys.kid }),
    ]);
    expect(JSON.stringify(jwks)).not.toMatch(/"d"|"p"|"q"/);
  });

  it('signs a seeded staff member in with a code mailed through the local SES, and hands out Cognito’s tokens', async () => {
    // Given a sign-in started by the back office, with PKCE
    const { verifier, challenge } = pkce();

    // When the person gives their address, then the code the mail viewer shows
    const { back, codePage } = await signInAs(claire, challenge);

    // Then the code page was French, and the browser goes back to the callback with a code and the state
    expect(typographyFaults(readableText(codePage))).toEqual([]);
    expect(back.status).toBe(302);
    const location = new URL(back.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(callback());
    expect(location.searchParams.get('state')).toBe('etat-123');

    // And the code buys tokens that oauth4webapi, the back office's library, accepts
    const as = await server();
    const client = { client_id: cloud().issuer.clientId };
    const options = { [oauth.allowInsecureRequests]: true };
    const parameters = oauth.validateAuthResponse(as, client, location, 'etat-123');
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.None(),
      parameters,
      callback(),
      verifier,
      options,
    );
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response, {
      expectedNonce: 'nonce-456',
      requireIdToken: true,
    });
    expect(tokens.token_type.toLowerCase()).toBe('bearer');
    expect(tokens.expires_in).toBe(3600);
    expect(tokens.refresh_token).toEqual(expect.any(String));
    expect(decodeProtectedHeader(tokens.access_token)).toEqual({
      alg: 'RS256',
      kid: cloud().issuer.keys.kid,
    });
    expect(decodeJwt(tokens.access_token)).toMatchObject({
      sub: expect.any(String),
      'cognito:groups': ['indre'],
      iss: cloud().urls.issuer,
      client_id: cloud().issuer.clientId,
      token_use: 'access',
      scope: 'openid email profile',
      auth_time: expect.any(Number),
      iat: expect.any(Number),
      exp: expect.any(Number),
      jti: expect.any(String),
      username: claire,
    });
    expect(decodeJwt(tokens.access_token).aud).toBeUndefined();
    expect(oauth.getValidatedIdTokenClaims(tokens)).toMatchObject({
      aud: cloud().issuer.clientId,
      email: claire,
      email_verified: true,
      'cognito:username': claire,
      'cognito:groups': ['indre'],
      token_use: 'id',
      nonce: 'nonce-456',
    });

    // And the API takes the access token
    const me = await fetch(`${cloud().urls.site}/api/staff/me`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(me.status).toBe(200);

    // And a refresh gives a new access token for the same person
    const refreshed = await oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, oauth.None(), tokens.refresh_token ?? '', options),
    );
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect(decodeJwt(refreshed.access_token)).toMatchObject({
      username: claire,
      auth_time: decodeJwt(tokens.access_token).auth_time,
    });
  });

  it('spends an authorization code at its first exchange', async () => {
    const { verifier, challenge } = pkce();
    const { back } = await signInAs(claire, challenge);
    const code = new URL(back.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const exchange = () =>
      post('/oauth2/token', {
        grant_type: 'authorization_code',
        client_id: cloud().issuer.clientId,
        code,
        redirect_uri: callback(),
        code_verifier: verifier,
      });

    expect((await exchange()).status).toBe(200);
    const again = await exchange();
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ error: 'invalid_grant' });
  });

  it('refuses a code exchanged without the right PKCE verifier, or for another callback', async () => {
    for (const fields of [
      { code_verifier: pkce().verifier },
      { code_verifier: '' },
      { redirect_uri: `${cloud().urls.site}/ailleurs/` },
    ]) {
      const { verifier, challenge } = pkce();
      const { back } = await signInAs(claire, challenge);
      await mailbox(cloud().urls.mailViewer).clear();
      const code = new URL(back.headers.get('location') ?? '').searchParams.get('code') ?? '';

      const response = await post('/oauth2/token', {
        grant_type: 'authorization_code',
        client_id: cloud().issuer.clientId,
        code,
        redirect_uri: callback(),
        code_verifier: verifier,
        ...fields,
      });

      expect(response.status, JSON.stringify(fields)).toBe(400);
      expect(await response.json()).toEqual({ error: 'invalid_grant' });
    }
  });

  it('requires PKCE with S256: without it the browser goes back to the callback with an error', async () => {
    for (const overrides of [{ code_challenge: undefined }, { code_challenge_method: 'plain' }]) {
      const response = await fetch(authorizeUrl(overrides), { redirect: 'manual' });

      expect(response.status).toBe(302);
      const location = new URL(response.headers.get('location') ?? '');
      expect(location.searchParams.get('error')).toBe('invalid_request');
      expect(location.searchParams.get('state')).toBe('etat-123');
    }
  });

  it('never sends anyone to a callback the client did not register, nor serves another client', async () => {
    for (const overrides of [
      { redirect_uri: 'https://attaquant.example/connexion/' },
      { client_id: 'un-autre-client' },
    ]) {
      const response = await fetch(authorizeUrl(overrides), { redirect: 'manual' });

      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(await response.text()).toContain('Lien de connexion invalide');
    }
  });

  it('answers an unknown address exactly as a known one, and mails it nothing', async () => {
    const pageFor = async (email: string) => {
      const start = await fetch(authorizeUrl());
      const request = hiddenRequest(await start.text());
      const response = await post('/login', { demande: request, email });
      return {
        status: response.status,
        text: (await response.text()).replaceAll(request, '…').replaceAll(email, '…'),
      };
    };

    const known = await pageFor(claire);
    const unknown = await pageFor('personne@inconnu.example.org');

    expect(unknown).toEqual(known);
    await expect.poll(async () => (await mailbox(cloud().urls.mailViewer).all()).length).toBe(1);
    expect((await mailbox(cloud().urls.mailViewer).all())[0]?.destination.to).toEqual([claire]);
  });

  it('mails the code in French, from the national coordination’s address', async () => {
    const start = await fetch(authorizeUrl());
    await post('/login', { demande: hiddenRequest(await start.text()), email: claire });
    await mailedCode(claire);

    const [mail] = await mailbox(cloud().urls.mailViewer).all();
    expect(mail?.subject).toBe('Votre code de connexion à l’espace équipe Alizé');
    expect(mail?.from).toContain('coordination@alize.example.org');
    expect(typographyFaults(mail?.body.text ?? '')).toEqual([]);
  });

  it(`allows ${signInLimits.codeAttempts} attempts at a code, then wants a new one`, async () => {
    const start = await fetch(authorizeUrl());
    const request = hiddenRequest(await start.text());
    await post('/login', { demande: request, email: claire });
    const code = await mailedCode(claire);
    const wrong = code === '000000' ? '111111' : '000000';

    const pages: string[] = [];
    for (let attempt = 0; attempt < signInLimits.codeAttempts; attempt++) {
      pages.push(await (await post('/login/code', { demande: request, code: wrong })).text());
    }
    const rightButLate = await post('/login/code', { demande: request, code });

    expect(pages[0]).toContain(`il vous reste ${signInLimits.codeAttempts - 1}\u00a0essais`);
    expect(pages.at(-1)).toContain('c’était le dernier essai');
    expect(rightButLate.status).toBe(400);
    expect(await rightButLate.text()).toContain('trop d’essais');
  });

  it('signs out to the registered back-office address only', async () => {
    const logout = (logoutUri: string) =>
      fetch(
        `${cloud().urls.issuer}/logout?${new URLSearchParams({ client_id: cloud().issuer.clientId, logout_uri: logoutUri })}`,
        { redirect: 'manual' },
      );

    const home = await logout(`${cloud().urls.site}/espace-equipe/`);
    const elsewhere = await logout('https://attaquant.example/');

    expect(home.status).toBe(302);
    expect(home.headers.get('location')).toBe(`${cloud().urls.site}/espace-equipe/`);
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.headers.get('location')).toBeNull();
  });
});
