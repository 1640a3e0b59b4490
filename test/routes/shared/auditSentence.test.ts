import { initI18n, translator } from '../../../src/middleware/i18n';
import { auditEntryText } from '../../../src/routes/shared/auditSentence';

beforeAll(() => initI18n());

describe('audit entries told as sentences in the reader language', () => {
  it.each([
    ['fr', 'Signature du tuteur de stage enregistrée', 'Validée, en attente des signatures → Validée, en attente des signatures'],
    ['en', "Recorded the host tutor's signature", 'Validated, awaiting signatures → Validated, awaiting signatures'],
  ] as const)(
    'a recorded signature names its party (%s), its states and reason labelled, the party not repeated',
    (locale, sentence, states) => {
      const text = auditEntryText(translator(locale), {
        action: 'convention.record_signature',
        details: { party: 'professional_tutor', fromState: 'validated', toState: 'validated', reason: 'Original reçu' },
      });
      expect(text.sentence).toBe(sentence);
      expect(text.details.map((row) => row.label)).toEqual(locale === 'fr' ? ['État', 'Motif'] : ['State', 'Reason']);
      expect(text.details[0].value).toBe(states);
    },
  );

  it('an action without a sentence keeps its code and its details as they are', () => {
    const text = auditEntryText(translator('fr'), { action: 'outbox.retry', details: { attempts: 3, party: 'dean' } });
    expect(text).toEqual({
      sentence: 'outbox.retry',
      details: [
        { label: 'attempts', value: '3' },
        { label: 'Partie', value: 'dean' },
      ],
    });
  });
});
