import { recordDeanSignature } from '../../src/services/office/recordDeanSignature';
import { testClock } from '../support/clock';
import { useSignatureMailbox } from '../support/signatureMailbox';
import { useTestPstage } from '../support/pstage';
import { submitConventionAsStudent } from '../support/studentJourney';
import {
  acceptCertificateAsOffice,
  launchOffice,
  recordSignaturesAsOffice,
  reload,
  validateAsOffice,
  circuitOf,
} from '../services/office/officeJourney';

const pstage = useTestPstage();
const mailbox = useSignatureMailbox(pstage);

describe('mails say what is true and link where the reader can go', () => {
  it('the head is told the office (not the student) waits for the subject, the referent is named as such, the completion mail links to the convention', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    await mailbox.deliver();
    const [proposed] = mailbox
      .mailsTo('jean.dupont@univ.example.fr')
      .filter((mail) => /Sujet de stage à examiner/.test(mail.subject ?? ''));
    expect(proposed.text).toContain("Le service des stages ne peut valider la convention de l'étudiant qu'une fois le sujet validé.");
    expect(proposed.text).not.toContain('ne peut soumettre');
    expect(proposed.text).toContain("l'enseignant référent");

    await validateAsOffice(pstage, convention.id);
    await recordSignaturesAsOffice(pstage, convention.id);
    await acceptCertificateAsOffice(pstage, convention.id);
    const { officeUserId } = await launchOffice(pstage);
    const { version } = await reload(pstage, convention.id);
    await recordDeanSignature(
      pstage.database.db,
      { officeUserId, conventionId: convention.id, version, signedAt: testClock.today() },
      circuitOf(pstage),
    );
    await mailbox.deliver();

    const everything = [...mailbox.mailsTo('camille.martin@etu.example.fr'), ...mailbox.mailsTo('anne.leroy@univ.example.fr')];
    for (const mail of everything) expect(`${mail.subject}\n${mail.text}`).not.toMatch(/tuteur universitaire/i);
    const [complete] = mailbox.mailsTo('anne.leroy@univ.example.fr').filter((mail) => /complète/.test(mail.subject ?? ''));
    expect(complete.text).toContain('comme enseignant référent');
    expect(complete.text).toContain(`${pstage.url}/programme/${convention.programmeId}/conventions/${convention.id}`);
    const validated = mailbox.mailsTo('camille.martin@etu.example.fr').find((mail) => /validée/.test(mail.subject ?? ''))!;
    expect(validated.text).toContain("l'enseignant référent");
  });
});
