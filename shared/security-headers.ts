/**
 * The headers every response of the site carries: CloudFront's response-headers policy is built
 * from these, and the local front sends the same, so a browser test meets the policy production has.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  // No inline script anywhere: Astro emits every script as a file (inlineStylesheets 'never', no inline hoisting).
  "script-src 'self'",
  // Inline styles stay allowed for the server's no-JavaScript answer pages, which carry their own small style sheet.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
} as const;
