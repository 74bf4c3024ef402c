import { describe, expect, it } from 'vitest';
import {
  applicationAcceptedPage,
  contactAcceptedPage,
  partnerOfferAcceptedPage,
} from '../../functions/http/pages/accepted-pages.ts';
import { type AnswerPageModel, renderAnswerPage } from '../../functions/http/pages/answer-page.ts';
import { readSettingsFile } from '../../infra/config.ts';
import { axeViolations, formatViolations } from '../support/axe.ts';
import { givenChromium } from '../support/browser.ts';

const chromium = givenChromium();
const { networks } = readSettingsFile();
const indre = { id: 'indre', name: 'Alizé Indre' };

// The pages a browser without JavaScript gets from POST /api/…, checked as Chromium renders them.
const pages: [string, AnswerPageModel][] = [
  [
    'an accepted application',
    applicationAcceptedPage(networks, { reference: 'ALZ-36-2026-0042', network: indre }),
  ],
  [
    'an accepted partner offer',
    partnerOfferAcceptedPage(networks, { reference: 'PART-36-2026-0001', network: indre }),
  ],
  [
    'a message to the national contact',
    contactAcceptedPage(networks, { reference: 'MSG-FR-2026-0001', network: null }),
  ],
  [
    'an application with errors',
    {
      kind: 'error',
      status: 400,
      formPage: '/candidater/',
      error: {
        error: 'invalid_input',
        message: 'Certaines informations sont à corriger.',
        errors: [
          { field: 'company.siret', message: 'Le numéro SIRET compte 14 chiffres.' },
          {
            field: 'consent',
            message: 'Votre accord est nécessaire pour que nous puissions traiter votre demande.',
          },
        ],
      },
    },
  ],
  [
    'too many submissions',
    {
      kind: 'error',
      status: 429,
      formPage: '/contact/',
      error: { error: 'too_many_requests', message: 'Par précaution, réessayez dans 12 minutes.' },
    },
  ],
];

describe('the answer pages of the forms posted without JavaScript', () => {
  it.each(pages)('leave axe-core nothing to fix: %s', async (name, model) => {
    const page = await chromium.newPage({ javaScript: true });
    await page.setContent(renderAnswerPage(model));

    expect(await page.locator('h1').count()).toBe(1);
    const violations = await axeViolations(page);
    expect(violations, formatViolations(name, violations)).toEqual([]);
  });
});
