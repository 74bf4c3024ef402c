import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../functions/domain/errors.ts';
import { readApplication } from '../../functions/use-cases/applications/read-applications.ts';
import { discardHeld, listHeld, releaseHeld } from '../../functions/use-cases/quarantine/held-submissions.ts';
import { quarantineDependencies } from '../../functions/wiring/quarantine.ts';
import { releaseDependencies } from '../../functions/wiring/quarantine-release.ts';
import { staffDependencies } from '../../functions/wiring/staff-mail.ts';
import { poster, validApplication } from '../support/form-posts.ts';
import { givenLocalCloud, mailbox } from '../support/local-cloud.ts';
import { claire, paul } from '../support/staff-actors.ts';

/** Staff judge what the anti-bot held: release a person's post (recorded and mailed), or delete a bot's. */
const cloud = givenLocalCloud();
const post = poster(cloud);
const mail = () => mailbox(cloud().urls.mailViewer);

const heldApplication = async (email: string) => {
  const application = { ...validApplication(), comment: 'rempli par le navigateur' };
  application.contact.email = email;
  const answer = await post.json('/api/applications', application);
  expect(answer.status).toBe(201);
  return answer.json().reference as string;
};

const rejection = async (work: Promise<unknown>) =>
  work.then(
    () => undefined,
    (error: Error) => error,
  );

describe('the quarantine, judged by staff', () => {
  it('releases a person’s application under the reference it was given, with its mails and a history line', async () => {
    const email = 'autofill@quarantine-release.example.fr';
    const reference = await heldApplication(email);
    expect((await mail().all()).filter((m) => m.destination.to.includes(email))).toHaveLength(0);

    const listed = await listHeld(quarantineDependencies(), claire, {}, new Date());
    expect(listed.held.find((held) => held.reference === reference)).toMatchObject({
      form: 'application',
      network: 'indre',
      reason: 'le champ caché aux visiteurs était rempli',
    });
    const fromCher = await listHeld(quarantineDependencies(), paul, {}, new Date());
    expect(fromCher.held.some((held) => held.reference === reference)).toBe(false);
    expect(await rejection(releaseHeld(releaseDependencies(), paul, reference, new Date()))).toBeInstanceOf(
      NotFoundError,
    );

    const released = await releaseHeld(releaseDependencies(), claire, reference, new Date());
    expect(released.reference).toBe(reference);
    const view = await readApplication(staffDependencies(), claire, reference);
    expect(view.status).toBe('received');
    expect(view.history[0]).toMatchObject({
      actor: { name: claire.name },
      reason: expect.stringContaining('Sortie de quarantaine'),
    });
    expect((await mail().all()).filter((m) => m.destination.to.includes(email))).toHaveLength(1);
    const after = await listHeld(quarantineDependencies(), claire, {}, new Date());
    expect(after.held.some((held) => held.reference === reference)).toBe(false);
  });

  it('deletes a bot’s post without a record or a mail', async () => {
    const email = 'bot@quarantine-delete.example.fr';
    const reference = await heldApplication(email);
    await discardHeld(quarantineDependencies(), claire, reference, new Date());
    const after = await listHeld(quarantineDependencies(), claire, {}, new Date());
    expect(after.held.some((held) => held.reference === reference)).toBe(false);
    expect(await rejection(readApplication(staffDependencies(), claire, reference))).toBeInstanceOf(
      NotFoundError,
    );
    expect((await mail().all()).filter((m) => m.destination.to.includes(email))).toHaveLength(0);
  });
});
