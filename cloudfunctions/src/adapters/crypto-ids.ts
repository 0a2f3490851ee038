import { randomBytes, randomUUID } from 'node:crypto';
import type { Ids } from '../ports/ids';

/** Ids from Node's CSPRNG; used in the cloud and locally alike. */
export const cryptoIds: Ids = {
  newId: () => randomUUID().replace(/-/g, ''),
  newCode(alphabet, length) {
    const bytes = randomBytes(length);
    let code = '';
    for (const b of bytes) code += alphabet[b % alphabet.length];
    return code;
  },
};
