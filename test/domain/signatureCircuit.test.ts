import { isLinkOpen, linkExpiry, signatoriesToRequest } from '../../src/domain/signatureCircuit';
import type { Signatory, SignatureParty } from '../../src/domain/signatories';
import { testClock } from '../support/clock';

const parties: SignatureParty[] = ['student', 'host_signatory', 'professional_tutor', 'academic_tutor'];

describe('who the circuit asks to sign', () => {
  it.each<[string, Signatory[], Signatory[], boolean, Signatory[]]>([
    ['at the start, every party at once, not the dean', [], [], true, parties],
    [
      'those who signed (on paper too) or hold an open link are not asked again',
      ['host_signatory'],
      ['student'],
      true,
      ['professional_tutor', 'academic_tutor'],
    ],
    ['once every party has signed, the dean', parties, [], true, ['dean']],
    ['the dean signs on paper when no dean e-mail is configured', parties, [], false, []],
    ['the dean with an open link is not asked twice', parties, ['dean'], true, []],
    ['nobody once the dean has signed', [...parties, 'dean'], [], true, []],
  ])('%s', (_name, signed, open, deanSignsElectronically, expected) => {
    expect(signatoriesToRequest({ parties, signed, open, deanSignsElectronically })).toEqual(expected);
  });

  it('a minor’s legal representative is asked with the other parties', () => {
    expect(
      signatoriesToRequest({ parties: ['student', 'legal_representative'], signed: ['student'], open: [], deanSignsElectronically: true }),
    ).toEqual(['legal_representative']);
  });
});

describe('a personal link', () => {
  const sentAt = testClock.now();
  const expiresAt = linkExpiry(sentAt);
  it.each<[string, 'pending' | 'signed' | 'refused' | 'revoked', number, boolean]>([
    ['opens while pending', 'pending', 0, true],
    ['still opens on its 29th day', 'pending', 29, true],
    ['is closed after 30 days', 'pending', 30, false],
    ['is closed once signed', 'signed', 0, false],
    ['is closed once refused', 'refused', 0, false],
    ['is closed once revoked', 'revoked', 0, false],
  ])('%s', (_name, status, days, open) => {
    expect(isLinkOpen({ status, expiresAt }, new Date(sentAt.getTime() + days * 24 * 60 * 60 * 1000))).toBe(open);
  });
});
