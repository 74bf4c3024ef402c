import { documentClient } from '../db/client.ts';
import { signingKeyRepository } from '../db/signing-key-repository.ts';
import { config } from '../runtime/config.ts';
import { once } from '../runtime/once.ts';
import { missionLinks } from '../use-cases/missions/mission-links.ts';
import { missionCalendarDependencies } from './missions.ts';

/** The key of the missions' signed links (outcome forms, calendars), its own, read once per instance. */
export const missionLinkSigner = once(() => {
  const keys = signingKeyRepository(documentClient(), config().dataTableName);
  let key: Promise<Uint8Array> | undefined;
  return missionLinks(() => {
    key ??= keys.keyFor('mission-links').catch((error: unknown) => {
      key = undefined;
      throw error;
    });
    return key;
  });
});

/** The public side: the outcome forms and the calendar, from their signed links. */
export const missionLinkDependencies = once(() => ({
  ...missionCalendarDependencies(),
  links: missionLinkSigner(),
}));
