import { isLinkOpen, linkExpiry, orderedParties, signatoriesInTurn, signatoriesToRequest } from '../../src/domain/signatureCircuit';
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

describe('a sequential order set by the office', () => {
  const sequence: SignatureParty[] = ['host_signatory', 'student', 'academic_tutor', 'professional_tutor'];
  it.each<[string, Signatory[], Signatory[], Signatory[]]>([
    ['at the start, only the first of the sequence', [], [], ['host_signatory']],
    ['once the first has signed, the second', ['host_signatory'], [], ['student']],
    ['a party who signed on paper out of turn is skipped', ['academic_tutor'], [], ['host_signatory']],
    ['the one whose turn it is, with an open link, is not asked twice', [], ['host_signatory'], []],
    ['the dean still last', sequence, [], ['dean']],
  ])('%s', (_name, signed, open, expected) => {
    expect(signatoriesToRequest({ parties, signed, open, deanSignsElectronically: true, sequence })).toEqual(expected);
  });

  it('whose turn it is does not depend on open links: an open link out of turn is to be revoked', () => {
    expect(signatoriesInTurn({ parties, signed: [], deanSignsElectronically: true, sequence })).toEqual(['host_signatory']);
    expect(signatoriesInTurn({ parties, signed: [], deanSignsElectronically: true, sequence: null })).toEqual(parties);
  });

  it('a party the sequence does not name (a legal representative added since) comes after it; a stale name is ignored', () => {
    expect(orderedParties([...parties, 'legal_representative'], sequence)).toEqual([...sequence, 'legal_representative']);
    expect(orderedParties(['student', 'host_signatory'], ['legal_representative', 'host_signatory'])).toEqual([
      'host_signatory',
      'student',
    ]);
    expect(orderedParties(parties, null)).toEqual(parties);
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
