import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build-app.ts';
import { readSettingsFile } from '../../infra/config.ts';
import { Api } from '../../infra/constructs/api.ts';
import { retentionDays } from '../../infra/constructs/log-retention.ts';

// What the infrastructure refuses to build, each caught at synth time rather than half-way through a deployment.
describe('guards', () => {
  const settings = readSettingsFile();
  const site = mkdtempSync(join(tmpdir(), 'alize-site-'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Alizé</title>');
  afterAll(() => rmSync(site, { recursive: true, force: true }));

  it('refuses to build without a built site', () => {
    // Given a directory without index.html
    const empty = mkdtempSync(join(tmpdir(), 'alize-empty-'));

    // When building, then it says what is missing
    expect(() => buildApp({ settings, siteAssetsDir: empty, registerNag: false })).toThrow(
      /The site is not built: .*index\.html is missing/,
    );
    rmSync(empty, { recursive: true, force: true });
  });

  it('refuses a custom domain until certificates are wired', () => {
    expect(() =>
      buildApp({
        settings: { ...settings, siteDomain: 'alize.example.org' },
        siteAssetsDir: site,
        registerNag: false,
      }),
    ).toThrow(/custom domains are not wired yet/);
  });

  it('refuses to publish a staff route without an authorizer', () => {
    // Given an API and any function
    const stack = new Stack(new App(), 'Test');
    const api = new Api(stack, 'Api', { logRetentionDays: 30 });
    const fn = LambdaFunction.fromFunctionArn(
      stack,
      'Fn',
      'arn:aws:lambda:eu-west-3:123456789012:function:f',
    );

    // When adding a staff route, then it throws, naming the route
    expect(() =>
      api.addRoute(
        {
          method: 'GET',
          path: '/api/staff/applications',
          handler: 'list-applications',
          access: 'staff',
          tables: {},
        },
        fn,
      ),
    ).toThrow(/GET \/api\/staff\/applications is for staff/);
  });

  it('accepts only the log retention periods CloudWatch knows', () => {
    expect(retentionDays(90)).toBe(90);
    expect(() => retentionDays(45)).toThrow(/logRetentionDays is 45; CloudWatch accepts only 1, 3, 5/);
  });
});
