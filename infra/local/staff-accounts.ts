import { nationalGroup } from '../../shared/staff.ts';

/**
 * The staff accounts of the local issuer, as an administrator would create them in the Cognito
 * user pool (README, « Deploy »): the user name is the person's e-mail address, the groups are
 * network ids or `national`, the subject a fixed UUID so that tokens mean the same person after a
 * restart. Local only: no deployment reads this file.
 */
export interface StaffAccount {
  readonly sub: string;
  /** Lower case: the user name and the address the sign-in code is sent to. */
  readonly email: string;
  readonly groups: readonly string[];
}

export const staffAccounts: readonly StaffAccount[] = [
  {
    sub: '3b0f6a52-8d1e-4c55-9a0b-1f6e2d7c9a41',
    email: 'claire.bernard@initiative-indre.example.org',
    groups: ['indre'],
  },
  {
    sub: '8c2e4d17-5f3a-4b6e-8e21-6a9d0c4b7f12',
    email: 'paul.girard@cher-entreprendre.example.org',
    groups: ['cher'],
  },
  {
    sub: 'd41a9e63-2b7c-4f08-b5d3-0e8f1a6c2b95',
    email: 'nadia.roussel@astrees.example.org',
    groups: [nationalGroup],
  },
];

/** The account of an address as a person types it (any case, spaces around), or undefined. */
export const findStaffAccount = (
  email: string,
  accounts: readonly StaffAccount[] = staffAccounts,
): StaffAccount | undefined => {
  const wanted = email.trim().toLowerCase();
  return accounts.find((account) => account.email === wanted);
};
