import { eq } from 'drizzle-orm';
import { memberships, subjects, users } from '../../../src/models/schema';
import { reviseSubject } from '../../../src/services/student/subjects';
import { testClock } from '../../support/clock';
import { useTestPstage } from '../../support/pstage';
import { proposeSubject } from '../../support/studentJourney';
import { queuedMails } from './outboxMails';

const pstage = useTestPstage();

describe('a proposed subject is announced to the programme’s staff', () => {
  it('queues one mail per staff member with an e-mail, in their language, in the transaction that proposed it', async () => {
    await pstage.launch('jean-dupont', 'm1-info');
    await pstage.launch('claire-lambert', 'm1-info');
    await pstage.launch('sophie-bernard', 'l3-chimie');
    await pstage.database.db.update(users).set({ locale: 'en' }).where(eq(users.name, 'Claire Lambert'));
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    const subject = await proposeSubject(pstage, client);

    const mails = await queuedMails(pstage, 'subjectProposed');
    expect(mails.map((mail) => mail.payload.to)).toEqual(
      expect.arrayContaining([
        { email: 'jean.dupont@univ.example.fr', name: 'Jean Dupont', locale: 'fr' },
        { email: 'claire.lambert@univ.example.fr', name: 'Claire Lambert', locale: 'en' },
      ]),
    );
    expect(mails).toHaveLength(2);
    expect(mails[0].payload.data).toEqual({
      studentName: 'Camille Martin',
      subjectTitle: 'Analyse de logs',
      programmeTitle: 'M1 Informatique',
      path: `/programme/${subject.programmeId}/subjects/${subject.id}`,
    });
  });

  it('a staff member without an e-mail is skipped; a rejected subject proposed again is announced again', async () => {
    await pstage.launch('jean-dupont', 'm1-info');
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    const subject = await proposeSubject(pstage, client);
    await pstage.database.db
      .insert(users)
      .values({ iss: 'x', sub: 'no-mail', name: 'Sans Courriel' })
      .returning()
      .then(([user]) =>
        pstage.database.db.insert(memberships).values({ userId: user.id, programmeId: subject.programmeId, role: 'staff' }),
      );
    await pstage.database.db.update(subjects).set({ state: 'rejected', decisionComment: 'Trop vague' }).where(eq(subjects.id, subject.id));

    await reviseSubject(
      pstage.database.db,
      subject.studentUserId,
      subject.id,
      {
        title: 'Analyse de logs applicatifs',
        description: 'Précisé',
        hostName: null,
        approximateStart: null,
        approximateEnd: null,
      },
      testClock,
    );
    const mails = await queuedMails(pstage, 'subjectProposed');
    expect(mails.every((mail) => mail.payload.to.email.includes('@'))).toBe(true);
    expect(
      mails
        .filter((mail) => mail.payload.to.email === 'jean.dupont@univ.example.fr')
        .map((mail) => [mail.payload.to.email, mail.payload.data.subjectTitle]),
    ).toEqual([
      ['jean.dupont@univ.example.fr', 'Analyse de logs'],
      ['jean.dupont@univ.example.fr', 'Analyse de logs applicatifs'],
    ]);
    // An edit of a subject still waiting for the decision is not a new proposal.
    await reviseSubject(
      pstage.database.db,
      subject.studentUserId,
      subject.id,
      {
        title: 'Analyse de logs (v3)',
        description: 'Précisé',
        hostName: null,
        approximateStart: null,
        approximateEnd: null,
      },
      testClock,
    );
    expect(await queuedMails(pstage, 'subjectProposed')).toHaveLength(mails.length);
  });
});
