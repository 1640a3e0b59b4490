import { conventions } from '../../../src/models/schema';
import { movableClock } from '../../support/clock';
import { completeConvention, passOn, plannedEnd } from '../../support/endOfInternship';
import { useTestPstage } from '../../support/pstage';
import { draftUpToInternship } from '../../support/studentJourney';
import { launchHead } from '../programme/programmeHelpers';

const clock = movableClock();
// Two students of the programme can launch from the development platform: one earlier intern, one later student.
// The threshold is the institution's (3 by default: test/domain/hostRatings.test.ts); here one answer is enough.
const pstage = useTestPstage({ clock, env: { HOST_RATINGS_MIN_ANSWERS: '1' } });
afterEach(() => clock.reset());

/** Camille did her internship at the host and evaluated it at the end. */
async function earlierIntern() {
  const intern = await completeConvention(pstage, { persona: 'camille-martin' });
  await passOn(pstage, plannedEnd);
  clock.moveTo(plannedEnd);
  const sent = await intern.client.submit(`/student/conventions/${intern.id}/evaluation`, {
    reception: '4',
    supervision: '5',
    missionsAsAnnounced: '3',
    recommend: 'yes',
    comment: 'Un commentaire qui reste privé.',
    intent: 'submit',
  });
  expect(sent.status).toBe(200);
}

async function share(value: 'yes' | 'no') {
  const head = await launchHead(pstage);
  const saved = await head.client.submit(`/programme/${head.programmeId}/evaluations/settings`, {
    tutorTemplateId: '',
    studentTemplateId: '',
    referentTemplateId: '',
    tutorDaysBefore: '10',
    shareHostRatings: value,
  });
  expect(saved.status).toBe(303);
}

/** Élodie (English) chooses the same host for her internship: its recap on the host step. */
async function laterStudentChoosesTheHost() {
  const { client, base } = await draftUpToInternship(pstage, { persona: 'elodie-lefevre' });
  const rows = await pstage.database.db.select({ organisationId: conventions.organisationId }).from(conventions);
  expect(new Set(rows.map((row) => row.organisationId)).size).toBe(1);
  return (await client.request(`${base}/organisation`)).text;
}

describe("earlier students' evaluations of a host, for a student choosing it", () => {
  it('when the programme shares them: averages in the host recap, no free text', async () => {
    await earlierIntern();
    await share('yes');
    const page = await laterStudentChoosesTheHost();
    expect(page).toContain('id="host-ratings"');
    expect(page).toContain('What an earlier intern of your programme said (1 answer)');
    expect(page).toContain('Quality of the reception: 4 out of 5');
    expect(page).toContain('Would you recommend this host?: 100% yes');
    expect(page).not.toContain('Un commentaire qui reste privé.');
  });

  it('not when the programme keeps them (the default)', async () => {
    await earlierIntern();
    expect(await laterStudentChoosesTheHost()).not.toContain('id="host-ratings"');
  });
});
