import { transition, type AnyMachineSnapshot } from 'xstate';
import { certificateActionsIn, certificateMachine, deskLevelIn, type CertificateEvent } from '../../workflows/certificateMachine';
import { CERTIFICATE_KINDS, ITEM_CERTIFICATE_NEEDS } from '../../db/seed/certificateKinds';
import { buildCatalogue } from '../../db/seed/catalogue';
import { centreUscc, certificateTypeCode } from '../../workflows/organCodes';
import { isValidUscc } from '../../workflows/identity';
import { buildLicenceId, isValidLicenceId } from '../../workflows/licenceIdentifier';

const today = '2026-12-03';
const village = { role: 'clerk', level: 'village' };
const town = { role: 'clerk', level: 'town' };
const applicant = { role: 'applicant', level: null };

function start(needsTown: boolean): AnyMachineSnapshot {
  return certificateMachine.resolveState({ value: 'requested', context: { needsTown, villageOpinion: null, refusal: null } });
}

function send(s: AnyMachineSnapshot, e: Omit<CertificateEvent, 'today'>): AnyMachineSnapshot {
  return transition(certificateMachine, s, { ...e, today } as CertificateEvent)[0];
}

describe('certificate request machine', () => {
  it('lets the village clerk issue a kind the village alone issues', () => {
    expect(send(start(false), { type: 'ISSUE', actor: village }).value).toBe('issued');
  });

  it('does not let the village clerk issue a kind the town must review', () => {
    const s = start(true);
    expect(send(s, { type: 'ISSUE', actor: village })).toBe(s);
  });

  it('forwards a kind the town reviews, keeping the village’s opinion', () => {
    const s = send(start(true), { type: 'FORWARD', actor: village, reason: '情况属实' });
    expect(s.value).toBe('townReview');
    expect(s.context.villageOpinion).toBe('情况属实');
  });

  it('does not forward a kind the village issues alone', () => {
    const s = start(false);
    expect(send(s, { type: 'FORWARD', actor: village })).toBe(s);
  });

  it('lets only the town clerk decide in town review', () => {
    const s = send(start(true), { type: 'FORWARD', actor: village });
    expect(send(s, { type: 'ISSUE', actor: village })).toBe(s);
    expect(send(s, { type: 'ISSUE', actor: town }).value).toBe('issued');
  });

  it('refuses only with reasons, and keeps them', () => {
    const s = start(false);
    expect(send(s, { type: 'REFUSE', actor: village, reason: '  ' })).toBe(s);
    const refused = send(s, { type: 'REFUSE', actor: village, reason: '非本村居民' });
    expect(refused.value).toBe('refused');
    expect(refused.context.refusal).toBe('非本村居民');
  });

  it('lets the town refuse with reasons', () => {
    const s = send(start(true), { type: 'FORWARD', actor: village });
    expect(send(s, { type: 'REFUSE', actor: town, reason: '收入超过标准' }).value).toBe('refused');
  });

  it('lets the applicant withdraw before a decision, and nobody else', () => {
    expect(send(start(false), { type: 'WITHDRAW', actor: applicant }).value).toBe('withdrawn');
    const s = start(false);
    expect(send(s, { type: 'WITHDRAW', actor: village })).toBe(s);
  });

  it('does not let the applicant issue', () => {
    const s = start(false);
    expect(send(s, { type: 'ISSUE', actor: applicant })).toBe(s);
  });

  it('takes nothing once decided', () => {
    const issued = send(start(false), { type: 'ISSUE', actor: village });
    expect(send(issued, { type: 'WITHDRAW', actor: applicant })).toBe(issued);
    expect(certificateActionsIn('issued')).toEqual([]);
  });

  it('names the desk level of each state', () => {
    expect([deskLevelIn('requested'), deskLevelIn('townReview'), deskLevelIn('issued')]).toEqual(['village', 'town', null]);
  });
});

describe('certificate catalogue and identifiers', () => {
  it('leaves the police’s certificates out and gives every kind a legal basis and materials', () => {
    expect(CERTIFICATE_KINDS.map((k) => k.name)).not.toContain('无犯罪记录证明');
    for (const k of CERTIFICATE_KINDS) expect({ k: k.code, basis: k.legalBasis.length > 0, materials: k.materials.length > 0, serial: /^\d{3}$/.test(k.typeSerial) }).toEqual({ k: k.code, basis: true, materials: true, serial: true });
  });

  it('links only items of the catalogue to kinds of the catalogue', () => {
    const items = new Set(buildCatalogue().map((i) => i.code));
    const kinds = new Set(CERTIFICATE_KINDS.map((k) => k.code));
    for (const n of ITEM_CERTIFICATE_NEEDS) expect([n.itemCode, items.has(n.itemCode), kinds.has(n.kindCode)]).toEqual([n.itemCode, true, true]);
  });

  it('gives each village committee its own valid code, and builds a valid identifier from it', () => {
    const a = centreUscc('330302006001');
    const b = centreUscc('330302006002');
    expect(isValidUscc(a) && isValidUscc(b)).toBe(true);
    expect(a).not.toBe(b);
    const id = buildLicenceId({ typeCode: certificateTypeCode('330000000000', '101'), issuerUscc: a, serial: '0000001', version: '001' });
    expect(isValidLicenceId(id)).toBe(true);
  });
});
