import { eq } from 'drizzle-orm';
import { clockStartingOn } from '../../../src/clock';
import { subjects, users } from '../../../src/models/schema';
import { decideSubjects } from '../../../src/services/programme/subjectDecisions';
import { reviseSubject } from '../../../src/services/student/subjects';
import { useTestPstage } from '../../support/pstage';
import { proposeSubject } from '../../support/studentJourney';
import { queuedMails } from '../notifications/outboxMails';

const pstage = useTestPstage();

describe("a subject's decision and re-proposal are dated by the application's clock", () => {
  it('records the decision on the day the clock says, and names the re-proposal after it', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    const subject = await proposeSubject(pstage, client);
    await pstage.launch('jean-dupont', 'm1-info');
    const [head] = await pstage.database.db.select().from(users).where(eq(users.email, 'jean.dupont@univ.example.fr'));
    const decisionDay = clockStartingOn('2031-03-04');
    await decideSubjects(
      pstage.database.db,
      { programmeId: subject.programmeId, actorUserId: head.id, subjectIds: [subject.id], decision: 'reject', comment: 'Trop vague' },
      decisionDay,
    );
    const [decided] = await pstage.database.db.select().from(subjects).where(eq(subjects.id, subject.id));
    expect(decided.decidedAt!.toISOString().slice(0, 10)).toBe('2031-03-04');

    const reproposalDay = clockStartingOn('2031-03-11');
    const fields = {
      title: 'Analyse de logs applicatifs',
      description: 'Précisé',
      hostName: null,
      approximateStart: null,
      approximateEnd: null,
    };
    await reviseSubject(pstage.database.db, subject.studentUserId, subject.id, fields, reproposalDay);
    const reproposals = (await queuedMails(pstage, 'subjectProposed')).filter((mail) => mail.payload.data.subjectTitle === fields.title);
    expect(reproposals.length).toBeGreaterThan(0);
    // The key names the proposal by its moment (mail:subjectProposed:<subject>:<epoch ms>:<to>): the clock's, not the machine's.
    const proposedDays = reproposals.map((mail) => new Date(Number(mail.dedupeKey!.split(':')[3])).toISOString().slice(0, 10));
    expect(new Set(proposedDays)).toEqual(new Set(['2031-03-11']));
  });
});
