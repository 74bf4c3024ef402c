import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addressSaltKeys } from '../../functions/db/entities/address-salt.ts';
import { rateLimitKeys } from '../../functions/db/entities/rate-limit-window.ts';
import { hourWindow, saltDay } from '../../functions/domain/public-forms/rate-limit.ts';
import { readSettingsFile } from '../../infra/config.ts';
import {
  poster,
  storedData,
  validApplication,
  validContactMessage,
  withField,
} from '../support/form-posts.ts';
import { givenLocalCloud } from '../support/local-cloud.ts';

// Given a deployment that allows three submissions per hour and per client
const limit = 3;
const cloud = givenLocalCloud({ settings: { ...readSettingsFile(), forms: { rateLimitPerHour: limit } } });
const api = poster(cloud);
const stored = storedData(cloud);

describe('the rate limit of the forms', () => {
  it('answers 429 with Retry-After past the limit, across forms, and keeps no address', async () => {
    // When one client sends three submissions, valid or not, to any of the forms
    const answers = [
      await api.json('/api/contact', validContactMessage()),
      await api.json('/api/applications', withField(validApplication(), 'company.siret', '1')),
      await api.json('/api/applications', validApplication()),
    ];
    expect(answers.map((a) => a.status)).toEqual([201, 400, 201]);

    // Then the fourth is refused, politely, with the time to wait
    const refused = await api.json('/api/contact', withField(validContactMessage(), 'subject', 'Encore moi'));
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(refused.json()).toEqual({
      error: 'too_many_requests',
      message: expect.stringMatching(
        /^Nous avons reçu beaucoup d’envois .* réessayez dans \d+\u00a0minutes?\.$/,
      ),
    });

    // And a browser without JavaScript reads the same in a French page
    const page = await api.form('/api/applications', validApplication());
    expect(page.status).toBe(429);
    expect(page.headers.get('retry-after')).toBeTruthy();
    expect(page.text).toContain('<h1>Trop d’envois en peu de temps</h1>');
    expect(page.text).toContain('<a class="back" href="/candidater/">Revenir au formulaire</a>');

    // And the count is kept under an HMAC of the address with the day's salt, never the address
    const now = new Date();
    const salt = (await stored.get(addressSaltKeys.of(saltDay(now))))?.salt as string;
    expect(salt).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const clientKey = createHmac('sha256', salt).update('127.0.0.1').digest('base64url');
    const window = await stored.get(rateLimitKeys.of(clientKey, hourWindow(now).id));
    expect(window).toMatchObject({ submissions: 5, expiresAt: expect.any(Number) });
    expect(JSON.stringify(window)).not.toContain('127.0.0.1');
  });
});
