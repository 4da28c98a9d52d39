import type { Knex } from 'knex';
import { findECertificate } from '../../db/repositories/certificates/eCertificates';
import { findELicence } from '../../db/repositories/licences/eLicences';
import { certificateDataOf } from '../certificates/issueECertificate';
import { licenceDataOf } from '../licences/issueELicence';
import { presentCertificateVerification } from '../presenters/certificates';
import { presentVerification } from '../presenters/licences';
import { recordIsSound } from './signedRecord';
import type { KeyInput } from './signing';

/**
 * A GB/T 36904 identifier the engine issued, e-licence or e-certificate alike:
 * what the public verification shows of it, and whether its record is still
 * what was signed. Undefined when nothing here carries that identifier.
 */
export async function verifiableByCode(db: Knex, keys: Record<string, KeyInput>, code: string, today: string): Promise<{ sound: boolean; view: object } | undefined> {
  const l = await findELicence(db, code);
  if (l) {
    const sound = recordIsSound(keys, licenceDataOf(l), l);
    return { sound, view: presentVerification(l, sound, today) };
  }
  const c = await findECertificate(db, code);
  if (c) {
    const sound = recordIsSound(keys, certificateDataOf(c), c);
    return { sound, view: presentCertificateVerification(c, sound, today) };
  }
  return undefined;
}
