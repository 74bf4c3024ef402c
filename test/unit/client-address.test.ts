import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../functions/http/form-request.ts';
import type { HttpEvent } from '../../functions/http/middy.ts';
import { edgeSecretHeader } from '../../shared/routes.ts';

const secret = 'the-deployment-secret';
const event = (headers: Record<string, string>, sourceIp = '130.176.10.1') =>
  ({ headers, requestContext: { http: { sourceIp } } }) as unknown as HttpEvent;
const throughCloudFront = (viewer: string) =>
  event({ [edgeSecretHeader]: secret, 'cloudfront-viewer-address': viewer });

describe('the address a form submission is counted against', () => {
  it('is the visitor’s, from CloudFront, not the edge server that called the API', () => {
    expect(clientAddress(throughCloudFront('203.0.113.7:51234'), secret)).toBe('203.0.113.7');
  });

  it('reads an IPv6 visitor without its port', () => {
    expect(clientAddress(throughCloudFront('[2001:db8::1]:443'), secret)).toBe('2001:db8::1');
  });

  it('falls back to the caller of the API when CloudFront is not in between', () => {
    expect(clientAddress(event({}, '198.51.100.4'), secret)).toBe('198.51.100.4');
  });

  it('ignores a viewer address from a caller who reached the API directly, without the secret', () => {
    const forged = event(
      { 'cloudfront-viewer-address': '192.0.2.99:1', [edgeSecretHeader]: 'guess' },
      '198.51.100.4',
    );

    expect(clientAddress(forged, secret)).toBe('198.51.100.4');
  });
});
