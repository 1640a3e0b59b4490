import { eq } from 'drizzle-orm';
import { contacts, outbox, subjects, users } from '../../src/models/schema';
import { decideSubjects, type SubjectDecision } from '../../src/services/programme/subjectDecisions';
import { recordDeanSignature } from '../../src/services/office/recordDeanSignature';
import { testClock } from '../support/clock';
import { useSignatureMailbox } from '../support/signatureMailbox';
import { useTestPstage } from '../support/pstage';
import { proposeSubject, submitConventionAsStudent } from '../support/studentJourney';
import {
  acceptCertificateAsOffice,
  launchOffice,
  recordSignaturesAsOffice,
  reload,
  validateAsOffice,
  circuitOf,
  conventionReadyToValidate,
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

describe('the validation mail tells the circuit the convention actually goes through', () => {
  const studentEmail = 'camille.martin@etu.example.fr';
  const validatedMail = () => mailbox.mailsTo(studentEmail).find((mail) => /validée/.test(mail.subject ?? ''))!;
  afterEach(() => {
    pstage.services.config.signature.autoSend = false;
    jest.restoreAllMocks();
  });

  /** A convention the office can validate, validated from its page. */
  async function validatedFromThePage() {
    const { convention } = await conventionReadyToValidate(pstage);
    const office = await launchOffice(pstage);
    const page = `/office/conventions/${convention.id}`;
    const answer = await office.client.submit(page, { overrideReason: '' }, `${page}/validate`);
    return { convention, answer, page };
  }

  it('without automatic sending: printed and signed on paper, and the office may still send it online', async () => {
    const { answer } = await validatedFromThePage();
    expect(answer.status).toBe(303);
    await mailbox.deliver();
    const mail = validatedMail();
    expect(mail.subject).toContain('à imprimer et faire signer');
    expect(mail.text).toContain('imprimez-en un exemplaire par signataire');
    expect(mail.text).toContain('Rapportez les exemplaires signés au service des stages');
    expect(mail.text).toContain('Si le service des stages vous envoie plutôt la convention à signer en ligne');
  });

  it('with automatic sending: signed online, the student in their space, the dean through the office; nothing to print', async () => {
    pstage.services.config.signature.autoSend = true;
    const { convention, answer } = await validatedFromThePage();
    expect(answer.status).toBe(303);
    await mailbox.deliver();
    const mail = validatedMail();
    expect(mail.subject).toBe(`[Pstage] Convention ${(await reload(pstage, convention.id)).reference} validée : signature en ligne`);
    const text = mail.text!.replace(/\s+/g, ' ');
    expect(text).toContain('Les signataires reçoivent par courriel un lien personnel pour lire et signer la convention en ligne');
    expect(text).toContain("Anne Leroy (l'enseignant référent)");
    expect(text).toContain('Vous signez dans votre espace Pstage');
    expect(text).toContain('le service des stages recueille la signature du doyen');
    expect(text).not.toMatch(/imprime|Rapportez|sur papier/i);
    // The links the mail speaks of went out with it.
    expect(mailbox.mailsTo('anne.leroy@univ.example.fr').some((sent) => /votre signature est demandée/.test(sent.subject ?? ''))).toBe(
      true,
    );
  });

  it('with automatic sending, the signatories without an e-mail are told to sign on paper, and the dean signs online when configured', async () => {
    pstage.services.config.signature.autoSend = true;
    pstage.services.config.signature.deanEmail = 'doyen@univ.example.fr';
    try {
      const { convention } = await conventionReadyToValidate(pstage);
      await pstage.database.db.update(contacts).set({ email: null }).where(eq(contacts.organisationId, convention.organisationId!));
      const office = await launchOffice(pstage);
      const page = `/office/conventions/${convention.id}`;
      expect((await office.client.submit(page, { overrideReason: '' }, `${page}/validate`)).status).toBe(303);
      await mailbox.deliver();
      const text = validatedMail().text!.replace(/\s+/g, ' ');
      expect(text).toMatch(/Sans adresse électronique connue, signent sur papier : [^.]*le représentant de l'organisme d'accueil/);
      expect(text).toContain('Paul Durand (le tuteur de stage)');
      expect(text).toContain('Le doyen signe en dernier, en ligne');
    } finally {
      pstage.services.config.signature.deanEmail = undefined;
    }
  });

  it('with automatic sending, the validation and the sending are one transaction: a sending that fails leaves the convention submitted, no mail', async () => {
    pstage.services.config.signature.autoSend = true;
    jest.spyOn(pstage.services.pdfRenderer, 'render').mockRejectedValue(new Error('renderer down'));
    const { convention, answer } = await validatedFromThePage();
    expect(answer.status).toBe(500);
    expect((await reload(pstage, convention.id)).state).toBe('submitted');
    const queued = (await pstage.database.db.select().from(outbox)).filter((row) => row.kind === 'mail');
    expect(queued.map((row) => (row.payload as { template: string }).template)).not.toContain('conventionValidated');
  });
});

describe('the subject decision mail tells the next step from where the convention stands', () => {
  const studentEmail = 'camille.martin@etu.example.fr';
  const decidedMail = () => mailbox.mailsTo(studentEmail).find((mail) => /Votre sujet de stage/.test(mail.subject ?? ''))!;

  async function decide(subjectId: number, decision: SubjectDecision) {
    await pstage.launch('jean-dupont', 'm1-info');
    const [head] = await pstage.database.db.select().from(users).where(eq(users.email, 'jean.dupont@univ.example.fr'));
    const [subject] = await pstage.database.db.select().from(subjects).where(eq(subjects.id, subjectId));
    await decideSubjects(
      pstage.database.db,
      { programmeId: subject.programmeId, actorUserId: head.id, subjectIds: [subjectId], ...decision },
      testClock,
    );
    await mailbox.deliver();
    return decidedMail().text!.replace(/\s+/g, ' ');
  }

  it('validated before any convention: enter the convention, then submit it', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    const subject = await proposeSubject(pstage, client);
    const text = await decide(subject.id, { decision: 'validate' });
    expect(text).toContain('Saisissez votre convention dans Pstage');
    expect(text).not.toContain('déjà soumise');
  });

  it('validated while the convention is already submitted: nothing to fill in, the office reviews it', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    const { reference } = await reload(pstage, convention.id);
    const text = await decide(convention.subjectId!, { decision: 'validate' });
    expect(text).toContain(`Votre convention ${reference} est déjà soumise : le service des stages l'examine`);
    expect(text).not.toMatch(/Complétez|Saisissez|soumettez-la/);
  });

  it('rejected while the convention is submitted: it stays submitted, the office can validate it only once a new subject is', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    const { reference } = await reload(pstage, convention.id);
    const text = await decide(convention.subjectId!, { decision: 'reject', comment: 'Trop vague' });
    expect(text).toContain('Modifiez votre sujet et proposez-le de nouveau');
    expect(text).toContain(
      `Votre convention ${reference} reste soumise, mais le service des stages ne pourra la valider qu'une fois votre nouveau sujet validé.`,
    );
  });
});
