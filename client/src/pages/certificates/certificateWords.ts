import type { CertificateState } from '../../api/certificates';

/** The colour of a request's state: waiting blue, issued green, refused red, withdrawn grey. */
export function certificateStateColor(state: CertificateState | string): string {
  if (state === 'issued') return 'green';
  if (state === 'refused') return 'red';
  if (state === 'withdrawn') return 'default';
  return 'processing';
}
