import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../shared/security-headers.ts';
import { buildTestApp } from './test-app.ts';

const built = buildTestApp({ registerNag: false });
afterAll(() => built.dispose());

describe('the headers CloudFront adds to every answer', () => {
  it('carry the content security policy the local front also sends', () => {
    const template = Template.fromStack(built.appStack);

    const [policy] = Object.values(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    const config = policy?.Properties.ResponseHeadersPolicyConfig;
    expect(config.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy).toBe(
      contentSecurityPolicy,
    );
  });

  it('allow no inline or foreign script', () => {
    const scriptSources = contentSecurityPolicy
      .split('; ')
      .find((directive) => directive.startsWith('script-src'));

    expect(scriptSources).toBe("script-src 'self'");
  });
});
