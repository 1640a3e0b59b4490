import { eq, sql } from 'drizzle-orm';
import { auditLog, outbox } from '../../../src/models/schema';
import { useTestPstage } from '../../support/pstage';
import { launchHead, studentProposes, subjectById } from './programmeHelpers';

const pstage = useTestPstage();

async function outboxRows() {
  return pstage.database.db.select().from(outbox).orderBy(outbox.id);
}

describe('the programme head decides on subjects', () => {
  it('shows a subject with its content and history, and validates it: state, decision, audit, LMS progress and the student mail in one go', async () => {
    const { subject } = await studentProposes(pstage, 'camille-martin');
    const head = await launchHead(pstage);
    const page = await head.client.request(`/programme/${head.programmeId}/subjects/${subject.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Sujet de camille-martin');
    expect(page.text).toContain('Détection d’anomalies dans les journaux');
    expect(page.text).toContain('Société Générale Informatique');
    expect(page.text).toContain('Proposé par l&#39;étudiant');
    const before = (await outboxRows()).length;

    const posted = await head.client.submit(`/programme/${head.programmeId}/subjects/${subject.id}`, { decision: 'validate', comment: '' });
    expect(posted.status).toBe(303);
    const decided = await subjectById(pstage, subject.id);
    expect(decided).toMatchObject({ state: 'validated', decisionComment: null });
    expect(decided.decidedAt).not.toBeNull();
    expect(decided.decidedBy).not.toBeNull();
    const rows = (await outboxRows()).slice(before);
    expect(rows.find((row) => row.kind === 'mail')?.payload).toMatchObject({
      template: 'subjectDecided',
      to: { email: 'camille.martin@etu.example.fr' },
      data: { decision: 'validated', subjectTitle: 'Sujet de camille-martin' },
    });
    expect(rows.find((row) => row.kind === 'ags')?.payload).toMatchObject({ subjectState: 'validated' });
    expect(await pstage.database.db.select().from(auditLog).where(eq(auditLog.action, 'subject.validate'))).toHaveLength(1);
    const after = await head.client.request(posted.location!);
    expect(after.text).toContain('Le sujet est validé');
    expect(after.text).not.toContain('Enregistrer la décision');
  });

  it('refuses a rejection without a comment with a field error, keeping the choice, and writes nothing', async () => {
    const { subject } = await studentProposes(pstage, 'camille-martin');
    const head = await launchHead(pstage);
    const before = (await outboxRows()).length;
    const path = `/programme/${head.programmeId}/subjects/${subject.id}`;
    const posted = await head.client.submit(path, { decision: 'reject', comment: '   ' });
    expect(posted.status).toBe(303);
    expect(posted.location).toBe(path);
    const page = await head.client.request(path);
    expect(page.text).toContain('error-summary');
    expect(page.text).toMatch(/id="comment-error"[^>]*>Indiquez un commentaire pour expliquer le refus à l&#39;étudiant/);
    expect(page.text).toMatch(/aria-describedby="comment-hint comment-error"/);
    expect(page.text).toMatch(/value="reject" checked/);
    expect((await subjectById(pstage, subject.id)).state).toBe('proposed');
    expect(await outboxRows()).toHaveLength(before);
  });

  it('gives the field error in English to a head whose launch was in English', async () => {
    const { subject } = await studentProposes(pstage, 'camille-martin');
    const head = await launchHead(pstage);
    // As an English launch would have recorded it (no English-speaking head among the personas).
    await pstage.database.db.execute(sql`update sessions set data = jsonb_set(data, '{locale}', '"en"')`);
    const path = `/programme/${head.programmeId}/subjects/${subject.id}`;
    await head.client.submit(path, { decision: 'reject', comment: '' });
    const page = await head.client.request(path);
    expect(page.text).toContain('Write a comment explaining the rejection to the student.');
    expect(page.text).toContain('Reject the subject');
    expect((await subjectById(pstage, subject.id)).state).toBe('proposed');
  });

  it('rejects with a comment: the student sees the decision and the comment, and receives it by mail', async () => {
    const { subject, client: student } = await studentProposes(pstage, 'camille-martin');
    const head = await launchHead(pstage);
    const posted = await head.client.submit(`/programme/${head.programmeId}/subjects/${subject.id}`, {
      decision: 'reject',
      comment: 'Précisez les missions confiées.',
    });
    expect(posted.status).toBe(303);
    expect(await subjectById(pstage, subject.id)).toMatchObject({ state: 'rejected', decisionComment: 'Précisez les missions confiées.' });
    const mail = (await outboxRows()).find(
      (row) => row.kind === 'mail' && (row.payload as { template: string }).template === 'subjectDecided',
    );
    expect(mail?.payload).toMatchObject({
      data: { decision: 'rejected', comment: 'Précisez les missions confiées.', path: `/student/subject/${subject.id}` },
    });
    const page = await head.client.request(posted.location!);
    expect(page.text).toContain('Précisez les missions confiées.');
    const home = await student.request('/student');
    expect(home.text).toContain('Refusé');
    expect(home.text).toContain('Précisez les missions confiées.');
  });

  it('validates the selected students’ proposed subjects at once from the list', async () => {
    const camille = await studentProposes(pstage, 'camille-martin');
    const elodie = await studentProposes(pstage, 'elodie-lefevre');
    const head = await launchHead(pstage);
    const list = await head.client.request(`/programme/${head.programmeId}?filter=toValidate`);
    expect(list.text).toContain('Sujet de camille-martin');
    expect(list.text).toContain('Sujet de elodie-lefevre');
    const ids = [camille.subject.studentUserId, elodie.subject.studentUserId].map(String);
    const posted = await head.client.submit(
      `/programme/${head.programmeId}`,
      { studentIds: ids },
      `/programme/${head.programmeId}/students/validate`,
    );
    expect(posted.status).toBe(303);
    expect(posted.location).toContain('count=2');
    expect((await subjectById(pstage, camille.subject.id)).state).toBe('validated');
    expect((await subjectById(pstage, elodie.subject.id)).state).toBe('validated');
    const mails = (await outboxRows()).filter((row) => row.kind === 'mail');
    expect(mails.map((row) => (row.payload as { to: { email: string; locale: string } }).to)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email: 'camille.martin@etu.example.fr', locale: 'fr' }),
        expect.objectContaining({ email: 'elodie.lefevre@etu.example.fr', locale: 'en' }),
      ]),
    );
    const page = await head.client.request(posted.location!);
    expect(page.text).toContain('2 sujets validés.');
    const empty = await head.client.request(`/programme/${head.programmeId}?filter=toValidate`);
    expect(empty.text).toContain('Aucun étudiant ne correspond.');
  });

  it('asks to select students when the bulk validation is sent with none', async () => {
    const head = await launchHead(pstage);
    const posted = await head.client.submit(`/programme/${head.programmeId}`, {}, `/programme/${head.programmeId}/students/validate`);
    expect(posted.status).toBe(303);
    const page = await head.client.request(`/programme/${head.programmeId}`);
    expect(page.text).toContain('Sélectionnez au moins un étudiant.');
    expect(page.text).toContain('href="#students-table"');
  });

  it('answers a conflict when the subject was already decided', async () => {
    const { subject } = await studentProposes(pstage, 'camille-martin');
    const head = await launchHead(pstage);
    const path = `/programme/${head.programmeId}/subjects/${subject.id}`;
    const page = await head.client.request(path);
    await head.client.submit(path, { decision: 'validate' });
    const again = await head.client.request(path, {
      form: { _csrf: /name="_csrf" value="([^"]+)"/.exec(page.text)![1], decision: 'reject', comment: 'Trop tard' },
    });
    expect(again.status).toBe(409);
    expect((await subjectById(pstage, subject.id)).state).toBe('validated');
  });
});
