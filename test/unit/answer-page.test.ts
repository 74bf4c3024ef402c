import { describe, expect, it } from 'vitest';
import { answerFormat } from '../../functions/http/form-request.ts';
import type { HttpEvent } from '../../functions/http/middy.ts';
import { applicationAcceptedPage } from '../../functions/http/pages/accepted-pages.ts';
import { renderAnswerPage } from '../../functions/http/pages/answer-page.ts';
import type { Network } from '../../shared/networks.ts';
import { footerNav, footerText, mainNav } from '../../shared/site.ts';

const indre: Network = {
  id: 'indre',
  name: 'Alizé Indre',
  operator: 'Initiative Indre',
  departements: ['36'],
  contact: {
    address: ['Initiative Indre — Alizé', '24 avenue de la Gare', '36000 Châteauroux'],
    phone: '02 61 91 36 00',
    email: 'alize@initiative-indre.example.org',
  },
  staffEmails: ['alize@initiative-indre.example.org'],
};

describe('the answer page of a form posted without JavaScript', () => {
  it('is a complete French document with one h1, no script, the reference and what comes next', () => {
    const page = renderAnswerPage(
      applicationAcceptedPage([indre], {
        reference: 'ALZ-36-2026-0042',
        network: { id: 'indre', name: 'Alizé Indre' },
      }),
    );

    expect(page).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('<title>Votre demande est bien enregistrée – Alizé</title>');
    expect(page.match(/<h1[ >]/g)).toHaveLength(1);
    expect(page).toContain('ALZ-36-2026-0042');
    expect(page).toContain('L’équipe d’Alizé Indre étudie votre demande');
    expect(page).toContain('font-family:system-ui,-apple-system,"Segoe UI"');
    expect(page).not.toMatch(/<script/i);
  });

  it('sits in the site’s frame: its header, its menu (folded on a phone, without script), its footer', () => {
    const page = renderAnswerPage(
      applicationAcceptedPage([indre], {
        reference: 'ALZ-36-2026-0042',
        network: { id: 'indre', name: 'Alizé Indre' },
      }),
    );

    expect(page).toContain('<a class="brand" href="/">Alizé');
    expect(page).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
    for (const item of [...mainNav, ...footerNav])
      expect(page).toContain(`<a href="${item.href}">${item.label}</a>`);
    expect(page).toMatch(/<details class="menu-compact">\n<summary>Menu<\/summary>/);
    expect(page).toContain(footerText);
    expect(page.indexOf('<main')).toBeGreaterThan(page.indexOf('</header>'));
    expect(page.indexOf('<footer>')).toBeGreaterThan(page.indexOf('</main>'));
  });

  it('links each error to its field, escapes messages, and offers a plain link back', () => {
    const page = renderAnswerPage({
      kind: 'error',
      status: 400,
      formPage: '/candidater/',
      error: {
        error: 'invalid_input',
        message: 'Certaines informations sont à corriger.',
        errors: [
          { field: 'company.siret', message: 'Le numéro SIRET compte 14 chiffres.' },
          { field: 'company.city', message: '« <img src=x> » n’est pas une commune du code postal 36100.' },
        ],
      },
    });

    expect(page).toContain('<a href="/candidater/#company-siret">Le numéro SIRET compte 14 chiffres.</a>');
    expect(page).toContain('<a href="/candidater/#company-city">« &#60;img src=x&#62; »');
    expect(page).toContain('2 informations sont à corriger');
    expect(page).toContain('<a class="back" href="/candidater/">Revenir au formulaire</a>');
    expect(page).toContain('bouton Retour de votre navigateur');
    expect(page).not.toMatch(/javascript:|<script/i);
  });

  it('explains a refusal without field errors by its status', () => {
    const page = renderAnswerPage({
      kind: 'error',
      status: 429,
      formPage: '/contact/',
      error: { error: 'too_many_requests', message: 'Réessayez dans 12 minutes.' },
    });

    expect(page).toContain('<h1>Trop d’envois en peu de temps</h1>');
    expect(page).toContain('<p>Réessayez dans 12 minutes.</p>');
    expect(page).toContain('href="/contact/"');
  });
});

describe('which answer a form post gets', () => {
  const event = (headers: Record<string, string>) => ({ headers }) as unknown as HttpEvent;

  it.each([
    [{ 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html,*/*' }, 'html'],
    [{ 'content-type': 'application/x-www-form-urlencoded' }, 'html'],
    [{ 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, 'json'],
    [{ 'content-type': 'application/json', accept: 'application/json' }, 'json'],
    [{ 'content-type': 'application/json' }, 'json'],
    [{ 'content-type': 'multipart/form-data; boundary=x', accept: 'text/html' }, 'html'],
    [{ 'content-type': 'text/plain' }, 'json'],
  ])('%o → %s', (headers, format) => {
    expect(answerFormat(event(headers))).toBe(format);
  });
});
