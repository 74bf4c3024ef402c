import { once } from '../runtime/once.ts';
import { personKeyPurpose, personKeys } from '../use-cases/privacy/person-keys.ts';
import { cachedSecret } from './secrets.ts';

/** `personKey` of an address, for every function that creates or looks up a person's records. */
export const personKeyMaker = once(() => personKeys(cachedSecret(personKeyPurpose)));
