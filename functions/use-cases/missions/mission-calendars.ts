import { InvalidInputError } from '../../domain/errors.ts';
import { type Actor, mayRead } from '../../domain/staff/actor.ts';
import { calendarFile } from './calendars.ts';
import type { MissionReadDeps } from './dependencies.ts';
import type { MissionLinks } from './mission-links.ts';
import { invalidLink } from './outcome-forms.ts';
import { located, missionNotFound, missionParties } from './views.ts';

/** A mission's `.ics`, for staff (signed in) and from the signed links of the mails (no sign-in). */
type Deps = MissionReadDeps & { uidDomain: string };

/** The `.ics` staff download, as the volunteer's (by default) or the SME's calendar shows it. */
export const missionCalendarForStaff = async (
  deps: Deps,
  actor: Actor,
  id: string,
  holder: string | undefined,
  now: Date,
) => {
  const found = await located(deps, id);
  if (!found || !mayRead(actor, found.mission.network)) throw missionNotFound();
  // Absent, the volunteer's; anything else than the two holders is no calendar we make.
  if (holder !== undefined && holder !== 'sme' && holder !== 'volunteer') {
    throw new InvalidInputError([
      {
        field: 'pour',
        message: 'Choisissez le calendrier de l’entreprise (sme) ou celui du salarié (volunteer).',
      },
    ]);
  }
  return calendarFile(
    holder === 'sme' ? 'sme' : 'volunteer',
    found.mission,
    found.application,
    await missionParties(deps, found.mission),
    deps.uidDomain,
    now,
  );
};

/** The calendar from a signed link, for the volunteer or the SME. */
export const publicCalendar = async (
  deps: Deps & { links: MissionLinks },
  token: string | undefined,
  now: Date,
) => {
  const claims = token ? await deps.links.verifyCalendar(token, now) : undefined;
  const found = claims ? await located(deps, claims.missionId) : undefined;
  if (!claims || !found) throw invalidLink();
  return calendarFile(
    claims.role,
    found.mission,
    found.application,
    await missionParties(deps, found.mission),
    deps.uidDomain,
    now,
  );
};
