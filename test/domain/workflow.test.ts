import { Finding } from '../../src/domain/legalRules';
import {
  Actor,
  availableEvents,
  ConventionEvent,
  ConventionEventType,
  ConventionFacts,
  ConventionState,
  conventionStates,
  decideConvention,
  SignatureParty,
} from '../../src/domain/workflow';

const actors: Actor[] = ['student', 'programme', 'office'];
const allParties: SignatureParty[] = ['student', 'host_signatory', 'professional_tutor', 'academic_tutor'];

const happyEvents: Record<ConventionEventType, ConventionEvent> = {
  submit: { type: 'submit' },
  return: { type: 'return', reason: 'Dates à corriger' },
  validate: { type: 'validate' },
  record_signature: { type: 'record_signature', party: 'academic_tutor' },
  final_check: { type: 'final_check' },
  cancel: { type: 'cancel', reason: 'Stage annulé par l’organisme' },
};

const happyFacts: ConventionFacts = {
  subjectValidated: true,
  academicTutorAssigned: true,
  hostOrganisationValidated: true,
  findings: [],
  signedParties: ['student', 'host_signatory', 'professional_tutor'],
  minorStudent: false,
  certificateAccepted: true,
  deanSignatureRecorded: true,
};

function factsFor(type: ConventionEventType): ConventionFacts {
  return type === 'final_check' ? { ...happyFacts, signedParties: allParties } : happyFacts;
}

/** Every allowed (state, event, actor); anything else is refused. */
const allowed: [ConventionState, ConventionEventType, Actor, ConventionState][] = [
  ['draft', 'submit', 'student', 'submitted'],
  ['submitted', 'return', 'office', 'draft'],
  ['submitted', 'validate', 'office', 'validated'],
  ['validated', 'record_signature', 'office', 'signed_by_parties'],
  ['signed_by_parties', 'final_check', 'office', 'complete'],
  ['draft', 'cancel', 'student', 'cancelled'],
  ['submitted', 'cancel', 'student', 'cancelled'],
  ['draft', 'cancel', 'office', 'cancelled'],
  ['submitted', 'cancel', 'office', 'cancelled'],
  ['validated', 'cancel', 'office', 'cancelled'],
  ['signed_by_parties', 'cancel', 'office', 'cancelled'],
];

const matrix = conventionStates.flatMap((state) =>
  (Object.keys(happyEvents) as ConventionEventType[]).flatMap((type) => actors.map((actor) => [state, type, actor] as const)),
);

describe('the convention transition table', () => {
  it.each(matrix)('from %s, %s by %s', (state, type, actor) => {
    const decision = decideConvention(state, happyEvents[type], actor, factsFor(type));
    const match = allowed.find(([from, event, who]) => from === state && event === type && who === actor);
    if (match) {
      expect(decision).toEqual({ ok: true, to: match[3] });
    } else {
      const someoneMay = allowed.some(([from, event]) => from === state && event === type);
      expect(decision).toMatchObject({ ok: false, error: someoneMay ? 'workflow.error.forbidden' : 'workflow.error.invalidTransition' });
    }
  });

  it.each(conventionStates.flatMap((state) => actors.map((actor) => [state, actor] as const)))(
    'offers %s to %s the events of the table',
    (state, actor) => {
      const expected = [...new Set(allowed.filter(([from, , who]) => from === state && who === actor).map(([, event]) => event))];
      expect(availableEvents(state, actor).sort()).toEqual(expected.sort());
    },
  );
});

const capError: Finding = { code: 'legal.hostYearCapExceeded', severity: 'E', params: {}, overridable: true };
const missingSkills: Finding = { code: 'legal.missing.skills', severity: 'E', params: {}, overridable: false };
const abroad: Finding = { code: 'legal.abroadAnnexRequired', severity: 'W', params: {}, overridable: true };

describe('when the office validates', () => {
  it.each<[string, Partial<ConventionFacts>, string | undefined, string | null, Record<string, number> | undefined]>([
    ['the subject is not validated', { subjectValidated: false }, undefined, 'workflow.error.subjectNotValidated', undefined],
    ['no academic tutor is assigned', { academicTutorAssigned: false }, undefined, 'workflow.error.academicTutorMissing', undefined],
    ['the host is not validated', { hostOrganisationValidated: false }, undefined, 'workflow.error.organisationNotValidated', undefined],
    ['only warnings remain', { findings: [abroad] }, undefined, null, undefined],
    [
      'an overridable error remains without reason',
      { findings: [capError, abroad] },
      undefined,
      'workflow.error.overrideReasonRequired',
      { count: 1 },
    ],
    [
      'an overridable error remains with a blank reason',
      { findings: [capError] },
      '  ',
      'workflow.error.overrideReasonRequired',
      { count: 1 },
    ],
    ['an overridable error remains with a reason', { findings: [capError] }, 'Année de césure', null, undefined],
    [
      'an unoverridable error remains, even with a reason',
      { findings: [capError, missingSkills] },
      'Année de césure',
      'workflow.error.blockingLegalErrors',
      { count: 1 },
    ],
  ])('and %s', (_label, changes, overrideReason, error, params) => {
    const decision = decideConvention('submitted', { type: 'validate', overrideReason }, 'office', { ...happyFacts, ...changes });
    expect(decision).toEqual(error ? { ok: false, error, ...(params ? { params } : {}) } : { ok: true, to: 'validated' });
  });

  it('refuses when no facts are given at all', () => {
    expect(decideConvention('submitted', { type: 'validate' }, 'office')).toEqual({
      ok: false,
      error: 'workflow.error.subjectNotValidated',
    });
  });
});

describe('when the student submits', () => {
  it.each<[string, Finding[], boolean]>([
    ['no finding', [], true],
    ['an error only the office can override', [capError], true],
    ['an error no one can override', [missingSkills], false],
  ])('with %s, submission passes: %s', (_label, findings, passes) => {
    const decision = decideConvention('draft', { type: 'submit' }, 'student', { findings });
    expect(decision.ok).toBe(passes);
    if (!decision.ok) expect(decision).toEqual({ ok: false, error: 'workflow.error.blockingLegalErrors', params: { count: 1 } });
  });
});

describe('reasons', () => {
  it.each<[ConventionState, ConventionEvent, Actor, boolean]>([
    ['submitted', { type: 'return', reason: '' }, 'office', false],
    ['submitted', { type: 'return', reason: '   ' }, 'office', false],
    ['submitted', { type: 'return', reason: 'SIRET erroné' }, 'office', true],
    ['validated', { type: 'cancel' }, 'office', false],
    ['validated', { type: 'cancel', reason: 'Rupture' }, 'office', true],
    ['draft', { type: 'cancel' }, 'student', true],
  ])('from %s, %j by %s is accepted: %s', (state, event, actor, accepted) => {
    const decision = decideConvention(state, event, actor, happyFacts);
    expect(decision.ok ? decision.ok : decision.error).toBe(accepted ? true : 'workflow.error.reasonRequired');
  });
});

describe('signatures', () => {
  it.each<[SignatureParty[], SignatureParty, string]>([
    [[], 'student', 'validated'],
    [['student', 'host_signatory'], 'professional_tutor', 'validated'],
    [['student', 'host_signatory', 'professional_tutor'], 'academic_tutor', 'signed_by_parties'],
    [['academic_tutor', 'professional_tutor', 'host_signatory'], 'student', 'signed_by_parties'],
  ])('already signed by %j, a signature of %s leads to %s', (signedParties, party, to) => {
    expect(decideConvention('validated', { type: 'record_signature', party }, 'office', { signedParties, minorStudent: false })).toEqual({
      ok: true,
      to,
    });
  });

  it.each<[SignatureParty[], SignatureParty, string]>([
    [['student', 'host_signatory', 'professional_tutor'], 'academic_tutor', 'validated'],
    [['student', 'host_signatory', 'professional_tutor', 'academic_tutor'], 'legal_representative', 'signed_by_parties'],
    [['legal_representative', 'host_signatory', 'professional_tutor', 'academic_tutor'], 'student', 'signed_by_parties'],
  ])('for a minor, already signed by %j, a signature of %s leads to %s', (signedParties, party, to) => {
    expect(decideConvention('validated', { type: 'record_signature', party }, 'office', { signedParties, minorStudent: true })).toEqual({
      ok: true,
      to,
    });
  });

  it('waits for the legal representative when the age of the student is not known', () => {
    const signedParties: SignatureParty[] = ['student', 'host_signatory', 'professional_tutor'];
    expect(decideConvention('validated', { type: 'record_signature', party: 'academic_tutor' }, 'office', { signedParties })).toEqual({
      ok: true,
      to: 'validated',
    });
  });

  it('refuses the signature of a legal representative on an adult student’s convention: there is none', () => {
    const decision = decideConvention('validated', { type: 'record_signature', party: 'legal_representative' }, 'office', {
      signedParties: [],
      minorStudent: false,
    });
    expect(decision).toEqual({ ok: false, error: 'workflow.error.notAParty', params: { party: 'legal_representative' } });
  });

  it('refuses a party that has already signed', () => {
    const decision = decideConvention('validated', { type: 'record_signature', party: 'student' }, 'office', {
      signedParties: ['student'],
    });
    expect(decision).toEqual({ ok: false, error: 'workflow.error.alreadySigned', params: { party: 'student' } });
  });
});

describe('the final check', () => {
  it.each<[string, Partial<ConventionFacts>, string | null, Record<string, string | number> | undefined]>([
    ['everything is there', {}, null, undefined],
    [
      'the academic tutor has not signed',
      { signedParties: ['student', 'host_signatory', 'professional_tutor'] },
      'workflow.error.signaturesMissing',
      { count: 1, parties: 'academic_tutor' },
    ],
    [
      'nobody has signed',
      { signedParties: [] },
      'workflow.error.signaturesMissing',
      { count: 4, parties: 'student,host_signatory,professional_tutor,academic_tutor' },
    ],
    [
      'the student is a minor and their legal representative has not signed',
      { minorStudent: true },
      'workflow.error.signaturesMissing',
      { count: 1, parties: 'legal_representative' },
    ],
    [
      'the student is a minor and everyone has signed, their legal representative too',
      { minorStudent: true, signedParties: [...allParties, 'legal_representative'] },
      null,
      undefined,
    ],
    ['the certificate is not accepted', { certificateAccepted: false }, 'workflow.error.certificateNotAccepted', undefined],
    ['the dean has not signed', { deanSignatureRecorded: false }, 'workflow.error.deanSignatureMissing', undefined],
  ])('when %s', (_label, changes, error, params) => {
    const decision = decideConvention('signed_by_parties', { type: 'final_check' }, 'office', {
      ...happyFacts,
      signedParties: allParties,
      ...changes,
    });
    expect(decision).toEqual(error ? { ok: false, error, ...(params ? { params } : {}) } : { ok: true, to: 'complete' });
  });
});
