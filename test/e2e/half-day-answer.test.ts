import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, confirmationDay } from '../../functions/domain/digests/mission-due.ts';
import { sendDailyReminders } from '../../functions/use-cases/digests/daily-reminders.ts';
import { remindersDependencies } from '../../functions/wiring/reminders.ts';
import { parisIsoDate } from '../../shared/dates.ts';
import { axeViolations, formatViolations } from '../support/axe.ts';
import { consoleProblems, givenChromium } from '../support/browser.ts';
import { givenLocalCloud, mailbox } from '../support/local-cloud.ts';
import { givenVolunteer } from '../support/missions.ts';
import { networkMeter, pageBudgetBytes } from '../support/page-weight.ts';
import { givenApplicationAt, givenMissionAt, halfDay } from '../support/reminders.ts';
import { typographyFaults } from '../support/typography.ts';

/**
 * Tried as a volunteer would, on a phone: the mail after yesterday's half-day, its « it took place »
 * link opened in Chromium, the answer chosen already, one button to send it, and the page telling
 * it is logged when opened again.
 */
const cloud = givenLocalCloud();
const chromium = givenChromium();

const shownText = (page: Page) =>
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, hidden parts left out, is what a person reads.
  page.evaluate(() => `${document.title}\n${document.body.innerText}`);

describe('the « has the half-day taken place? » page', () => {
  it('opens from the mail with the answer chosen, sends it in one click, and tells it is logged', async () => {
    // Given yesterday's half-day of an active mission, and the job's mail about it
    const today = parisIsoDate(new Date());
    const volunteer = await givenVolunteer();
    const application = await givenApplicationAt(`${addDays(today, -60)}T09:00:00.000Z`, {
      status: 'in-progress',
      companyName: 'Savonnerie Lefèvre',
    });
    await givenMissionAt(application, volunteer, `${addDays(today, -10)}T09:00:00.000Z`, {
      startedAt: `${addDays(today, -30)}T09:00:00.000Z`,
      startDate: addDays(today, -30),
      endDate: addDays(today, 200),
      interventions: [halfDay('I1', addDays(today, -1))],
    });
    await sendDailyReminders(
      remindersDependencies(),
      new Date(`${confirmationDay(addDays(today, -1))}T06:30:00Z`),
    );
    const mail = (await mailbox(cloud().urls.mailViewer).all()).find(
      (candidate) =>
        candidate.destination.to.includes(volunteer.email) &&
        candidate.subject.includes('Savonnerie Lefèvre'),
    );
    const link = /https?:\/\/\S+\/demi-journee\/\?t=\S+&reponse=oui/.exec(mail?.body.text ?? '')?.[0];
    expect(link).toBeDefined();

    // When the volunteer opens the « it took place » link on a phone
    const phone = await chromium.newPage({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    const problems = consoleProblems(phone);
    const meter = await networkMeter(phone, cloud().urls.site);
    await phone.goto(link ?? '');
    const tookPlace = phone.getByLabel('a bien eu lieu');
    await tookPlace.waitFor();

    // Then the page names the half-day, with the answer already chosen, and reads well
    expect(await tookPlace.isChecked()).toBe(true);
    const text = await shownText(phone);
    expect(text).toContain('Votre demi-journée de mission chez Savonnerie Lefèvre avec');
    expect(text).toMatch(/prévue le .+, matin \(9\sh – 12\sh\s30\), Atelier de Châteauroux/);
    const violations = await axeViolations(phone);
    expect(violations, formatViolations('demi-journée', violations)).toEqual([]);
    expect(typographyFaults(text)).toEqual([]);
    const bytes = await meter.take();
    expect(bytes).toBeGreaterThan(5 * 1024);
    expect(bytes).toBeLessThan(pageBudgetBytes);

    // When they send it
    await phone.getByRole('button', { name: 'Envoyer ma réponse' }).click();

    // Then they are thanked, and the link, opened again, says it is logged
    await phone.getByText('Merci\u00a0! La demi-journée est notée comme réalisée.').waitFor();
    await phone.reload();
    await phone.getByText(/Elle est déjà notée comme réalisée/).waitFor();
    expect(await phone.getByRole('button', { name: 'Envoyer ma réponse' }).isVisible()).toBe(false);
    expect(typographyFaults(await shownText(phone))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
