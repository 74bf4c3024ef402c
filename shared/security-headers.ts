/**
 * The headers every response of the site carries: CloudFront's response-headers policies are built
 * from these, and the local front sends the same, so a browser test meets the policy production has.
 */
const policy = (connectSources: readonly string[]) =>
  [
    "default-src 'self'",
    // No inline script anywhere: Astro emits every script as a file (inlineStylesheets 'never', no inline hoisting).
    "script-src 'self'",
    // Inline styles stay allowed for the server's no-JavaScript answer pages, which carry their own small style sheet.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${["'self'", ...connectSources].join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

/** The public site's policy: its scripts talk to their own origin only. */
export const contentSecurityPolicy = policy([]);

/**
 * The back office's policy (every page under shared/staff.ts `backOfficePath`): the same, except that
 * its script also reaches the issuer — the discovery document on the issuer's origin, the token
 * endpoint on the sign-in domain's (Cognito's user-pool domain; one origin locally). Nothing else
 * is loosened: the sign-in page itself is reached by navigation, which connect-src does not govern.
 */
export const backOfficeContentSecurityPolicy = (issuerOrigins: readonly string[]): string =>
  policy([...new Set(issuerOrigins)]);

const otherHeaders = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
} as const;

export const securityHeaders = {
  'content-security-policy': contentSecurityPolicy,
  ...otherHeaders,
} as const;

export const backOfficeSecurityHeaders = (issuerOrigins: readonly string[]) =>
  ({
    'content-security-policy': backOfficeContentSecurityPolicy(issuerOrigins),
    ...otherHeaders,
  }) as const;
