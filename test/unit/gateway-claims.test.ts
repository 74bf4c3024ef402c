import { describe, expect, it } from 'vitest';
import { actorFromClaims, groupsOf } from '../../functions/domain/staff/actor.ts';
import { gatewayClaims, gatewayScopes } from '../../infra/local/jwt-authorizer.ts';
import { assertStaffRoutesUnderPrefix, routes, staffApiPathPrefix } from '../../shared/routes.ts';

/**
 * How API Gateway's JWT authorizer hands a verified token's claims to the function
 * (`requestContext.authorizer.jwt`), as the local front reproduces it: every value a string, an
 * array as `[a b]`, and the scopes apart.
 */
describe('the claims a staff function receives', () => {
  const token = {
    sub: '3b0f6a52-8d1e-4c55-9a0b-1f6e2d7c9a41',
    'cognito:groups': ['indre', 'national'],
    iss: 'https://cognito-idp.eu-west-3.amazonaws.com/eu-west-3_Abc',
    version: 2,
    client_id: 'client',
    token_use: 'access',
    scope: 'openid email profile',
    auth_time: 1_796_000_000,
    iat: 1_796_000_000,
    exp: 1_796_003_600,
    username: 'claire.bernard@initiative-indre.example.org',
  };

  it('flattens an array claim to its items in brackets, separated by spaces', () => {
    expect(gatewayClaims(token)['cognito:groups']).toBe('[indre national]');
    expect(gatewayClaims({ groups: ['indre'] }).groups).toBe('[indre]');
    expect(gatewayClaims({ groups: [] }).groups).toBe('[]');
  });

  it('hands numbers and booleans over as their text, and strings as they are', () => {
    const claims = gatewayClaims({ ...token, email_verified: true });

    expect(claims.exp).toBe('1796003600');
    expect(claims.version).toBe('2');
    expect(claims.email_verified).toBe('true');
    expect(claims.username).toBe(token.username);
    expect(Object.values(claims).every((value) => typeof value === 'string')).toBe(true);
  });

  it('writes an object claim as JSON', () => {
    expect(gatewayClaims({ address: { locality: 'Châteauroux' } }).address).toBe(
      '{"locality":"Châteauroux"}',
    );
  });

  it('gives the scopes as a list, or null for a token without any (an ID token)', () => {
    expect(gatewayScopes(token)).toEqual(['openid', 'email', 'profile']);
    expect(gatewayScopes({ scp: ['openid'] })).toEqual(['openid']);
    expect(gatewayScopes({ token_use: 'id' })).toBeNull();
  });

  it('reads the same groups, flattened by API Gateway or as the token’s own array', () => {
    expect(groupsOf(gatewayClaims(token)['cognito:groups'])).toEqual(['indre', 'national']);
    expect(groupsOf(token['cognito:groups'])).toEqual(['indre', 'national']);
    expect(actorFromClaims(gatewayClaims(token), ['indre', 'cher'])).toEqual(
      actorFromClaims(token, ['indre', 'cher']),
    );
  });
});

describe('the staff routes’ path', () => {
  it(`puts every staff route, and only them, under ${staffApiPathPrefix}`, () => {
    expect(() => assertStaffRoutesUnderPrefix(routes)).not.toThrow();
  });

  it('refuses a staff route outside it, or a public route inside it', () => {
    expect(() =>
      assertStaffRoutesUnderPrefix([{ method: 'GET', path: '/api/applications', access: 'staff' }]),
    ).toThrow(/staff routes, and only they/);
    expect(() =>
      assertStaffRoutesUnderPrefix([{ method: 'GET', path: '/api/staff/open', access: 'public' }]),
    ).toThrow(/staff routes, and only they/);
  });
});
