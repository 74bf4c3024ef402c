import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../shared/security-headers.ts';
import { backOfficePathPattern } from '../../shared/staff.ts';
import { buildTestApp } from './test-app.ts';

const built = buildTestApp({ registerNag: false });
afterAll(() => built.dispose());

const template = Template.fromStack(built.appStack);
const distribution = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]?.Properties
  .DistributionConfig;
const policies = template.findResources('AWS::CloudFront::ResponseHeadersPolicy');
/** The CSP of the response-headers policy a behaviour uses, resolved as far as synthesis can. */
const cspOf = (behaviour: { ResponseHeadersPolicyId: { Ref: string } }) =>
  policies[behaviour.ResponseHeadersPolicyId.Ref]?.Properties.ResponseHeadersPolicyConfig
    .SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy;
/** A CSP with tokens (`Fn::Join`) as one string, each token written `<token>`. */
const flat = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : ((value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join']?.[1] ?? [])
        .map((part) => (typeof part === 'string' ? part : '<token>'))
        .join('');

describe('the headers CloudFront adds to every answer', () => {
  it('carry the content security policy the local front also sends', () => {
    expect(cspOf(distribution.DefaultCacheBehavior)).toBe(contentSecurityPolicy);
    const api = distribution.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*');
    expect(cspOf(api)).toBe(contentSecurityPolicy);
  });

  it('allow no inline or foreign script', () => {
    const scriptSources = contentSecurityPolicy
      .split('; ')
      .find((directive) => directive.startsWith('script-src'));

    expect(scriptSources).toBe("script-src 'self'");
  });

  it('let the back office’s pages, and only them, reach the issuer and its sign-in domain', () => {
    const backOffice = distribution.CacheBehaviors.find(
      (b: { PathPattern: string }) => b.PathPattern === backOfficePathPattern,
    );
    const policy = flat(cspOf(backOffice));

    // The same policy, connect-src apart
    const withoutConnect = (csp: string) => csp.split('; ').filter((d) => !d.startsWith('connect-src'));
    expect(withoutConnect(policy)).toEqual(withoutConnect(contentSecurityPolicy));
    const connect = policy.split('; ').find((d) => d.startsWith('connect-src'));
    expect(connect).toBe(
      `connect-src 'self' https://cognito-idp.${built.settings.region}.amazonaws.com https://<token>.auth.${built.settings.region}.amazoncognito.com`,
    );
    // Served from the site's bucket, as every page
    expect(backOffice.TargetOriginId).toBe(distribution.DefaultCacheBehavior.TargetOriginId);
  });
});
