import { itemKey } from '../keys.ts';

/**
 * A secret the functions share to sign links sent by mail (the SME's status link): made once, on
 * first use, and kept in the table, so that every function instance, and the local cloud alike,
 * signs with the same key without a secret store.
 */
export const signingKeyKeys = { of: (purpose: string) => itemKey(`SIGNING-KEY#${purpose}`, 'KEY') };
