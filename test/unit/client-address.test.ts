import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../functions/lib/form-request.ts';
import type { HttpEvent } from '../../functions/lib/middy.ts';

const event = (headers: Record<string, string>, sourceIp = '130.176.10.1') =>
  ({ headers, requestContext: { http: { sourceIp } } }) as unknown as HttpEvent;

describe('the address a form submission is counted against', () => {
  it('is the visitor’s, from CloudFront, not the edge server that called the API', () => {
    expect(clientAddress(event({ 'cloudfront-viewer-address': '203.0.113.7:51234' }))).toBe('203.0.113.7');
  });

  it('reads an IPv6 visitor without its port', () => {
    expect(clientAddress(event({ 'cloudfront-viewer-address': '[2001:db8::1]:443' }))).toBe('2001:db8::1');
  });

  it('falls back to the caller of the API when CloudFront is not in between', () => {
    expect(clientAddress(event({}, '198.51.100.4'))).toBe('198.51.100.4');
  });
});
