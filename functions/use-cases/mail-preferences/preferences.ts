import {
  type MailPreferencesView,
  mailPreferencesChangeSchema,
  type StaffDigestCadence,
} from '../../../shared/mail-preferences.ts';
import { type MailingList, mailingListIds, mailingLists } from '../../../shared/mailing-lists.ts';
import { fieldErrors } from '../../../shared/validation.ts';
import type { MailRecipientRepository } from '../../db/mail-recipient-repository.ts';
import { InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import type { PreferenceClaims, PreferenceLinks } from './preference-links.ts';

/**
 * A person's mail preferences, reached only with the signed link of a list mail: the one-click
 * unsubscription of RFC 8058 (a mail client's POST, no cookie, no page) and the preferences page.
 */
export interface MailPreferencesDeps {
  recipients: MailRecipientRepository;
  links: PreferenceLinks;
}

const invalidLink = () =>
  new NotFoundError(
    'Ce lien de désabonnement n’est pas valable ou il est incomplet. Utilisez le lien «\u00a0Se désabonner\u00a0» du dernier courriel reçu.',
  );

const claimsOf = async (deps: MailPreferencesDeps, token: string | undefined): Promise<PreferenceClaims> => {
  const claims = token ? await deps.links.verify(token) : undefined;
  if (!claims) throw invalidLink();
  return claims;
};

/** RFC 8058: the body of a one-click POST is exactly this form field. */
export const isOneClickBody = (body: string) =>
  new URLSearchParams(body).get('List-Unsubscribe') === 'One-Click';

/** Stops the link's list for the link's person; asked again, it answers the same and changes nothing. */
export const unsubscribeOneClick = async (
  deps: MailPreferencesDeps,
  token: string | undefined,
  body: string,
  now: Date,
): Promise<{ unsubscribed: MailingList }> => {
  const claims = await claimsOf(deps, token);
  if (!isOneClickBody(body)) {
    throw new InvalidInputError(
      [],
      'Cette adresse attend la demande de désabonnement en un clic d’un logiciel de messagerie (List-Unsubscribe=One-Click).',
    );
  }
  await deps.recipients.optOut(claims.personKey, claims.list, now);
  return { unsubscribed: claims.list };
};

const defaultCadence: StaffDigestCadence = 'daily';

export const readMailPreferences = async (
  deps: MailPreferencesDeps,
  token: string | undefined,
): Promise<MailPreferencesView> => {
  const claims = await claimsOf(deps, token);
  const recipient = await deps.recipients.get(claims.personKey);
  const shown = new Set<MailingList>([claims.list, ...(recipient?.receives ?? [])]);
  return {
    lists: mailingListIds
      .filter((list) => shown.has(list))
      .map((id) => ({ id, label: mailingLists[id], subscribed: !recipient?.optedOut.includes(id) })),
    staffDigestCadence: recipient?.staffDigestCadence ?? defaultCadence,
  };
};

/** Saves the page's choices: the lists left unticked are stopped, the others come (again). */
export const saveMailPreferences = async (
  deps: MailPreferencesDeps,
  token: string | undefined,
  input: unknown,
  now: Date,
): Promise<MailPreferencesView> => {
  const claims = await claimsOf(deps, token);
  const parsed = mailPreferencesChangeSchema.safeParse(input);
  if (!parsed.success) throw new InvalidInputError(fieldErrors(parsed.error));
  const recipient = await deps.recipients.get(claims.personKey);
  const shown = new Set<MailingList>([claims.list, ...(recipient?.receives ?? [])]);
  const wanted = new Set(parsed.data.subscribed);
  // A list the page did not show keeps its state: the page can only change what it offered.
  const optedOut = mailingListIds.filter((list) =>
    shown.has(list) ? !wanted.has(list) : Boolean(recipient?.optedOut.includes(list)),
  );
  await deps.recipients.savePreferences(
    claims.personKey,
    { optedOut, staffDigestCadence: parsed.data.staffDigestCadence },
    now,
  );
  return readMailPreferences(deps, token);
};
