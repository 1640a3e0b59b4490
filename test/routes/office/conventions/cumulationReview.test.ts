import { eq } from 'drizzle-orm';
import { auditLog, cumulationReviews } from '../../../../src/models/schema';
import { cancelConvention } from '../../../../src/services/student/conventionWorkflow';
import { nextYear, testClock } from '../../../support/clock';
import { useTestPstage } from '../../../support/pstage';
import { submitConventionAsStudent } from '../../../support/studentJourney';
import { launchOffice, reload, validateAsOffice } from '../../../services/office/officeJourney';

const pstage = useTestPstage();

/** Two conventions at the same company, each under 308 h, together over it in one academic year. */
const spring = { startDate: `${nextYear}-03-01`, endDate: `${nextYear}-04-09`, gratificationAmount: '' };
const earlySummer = { startDate: `${nextYear}-05-03`, endDate: `${nextYear}-06-11`, gratificationAmount: '4,50' };

const flagKeyOf = (html: string) => /name="flagKey" value="([^"]+)"/.exec(html)?.[1];
const queueRow = (html: string, id: number) => html.slice(html.indexOf(`id="convention-${id}"`)).split('</tr>')[0];

async function flaggedEarlierConvention() {
  const first = await submitConventionAsStudent(pstage, { internship: spring });
  await validateAsOffice(pstage, first.convention.id);
  const later = await submitConventionAsStudent(pstage, { siret: '73282932000074', internship: earlySummer });
  const office = await launchOffice(pstage);
  return { first: first.convention, later: later.convention, office };
}

describe('the office deals with a re-check flag of an earlier convention', () => {
  it('records what was done, by whom and when (audited); the flag leaves the queue and stays on the file with its note', async () => {
    const { first, office } = await flaggedEarlierConvention();
    const page = `/office/conventions/${first.id}`;
    const before = (await office.client.request(page)).text;
    const flagKey = flagKeyOf(before);
    expect(flagKey).toMatch(/^cumulation\.gratificationDue\|/);
    expect(before).toContain('class="alert alert-danger" id="cumulation"');

    const empty = await office.client.submit(page, { flagKey: flagKey!, note: '  ' }, `${page}/cumulation-review`);
    expect(empty.location).toBe(`${page}#cumulation`);
    expect((await office.client.request(page)).text).toMatch(/id="cumulation-note-0-error"[^>]*>[^<]+/);
    expect(await pstage.database.db.select().from(cumulationReviews)).toHaveLength(0);

    const done = await office.client.submit(
      page,
      { flagKey: flagKey!, note: 'Avenant demandé à l’organisme' },
      `${page}/cumulation-review`,
    );
    expect(done.location).toBe(`${page}?done=cumulation`);
    const after = (await office.client.request(page)).text;
    expect(after).toContain('class="alert alert-secondary" id="cumulation"');
    expect(after).toContain('la gratification est due dès le premier jour de cette convention');
    expect(after).toMatch(
      /Traité le \d\d\/\d\d\/\d{4} \d\d:\d\d par Service des stages :<\/strong> <span class="text-pre-line">Avenant demandé à l’organisme/,
    );
    expect(after).not.toContain('name="flagKey"');
    expect(queueRow((await office.client.request('/office/conventions')).text, first.id)).not.toContain(
      'Gratification due dès le premier jour',
    );

    const [review] = await pstage.database.db.select().from(cumulationReviews);
    expect(review).toMatchObject({ conventionId: first.id, flagKey, reviewedByUserId: office.officeUserId });
    const audit = await pstage.database.db.select().from(auditLog).where(eq(auditLog.action, 'convention.cumulation_reviewed'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: office.officeUserId, targetId: String(first.id) });

    const twice = await office.client.request(`${page}/cumulation-review`, {
      form: {
        _csrf: /name="_csrf" value="([^"]+)"/.exec(after)![1],
        version: String((await reload(pstage, first.id)).version),
        flagKey: flagKey!,
        note: 'encore',
      },
    });
    expect(twice.location).toBe(`${page}#cumulation`);
    expect((await office.client.request(page)).text).toContain('Ce signalement a déjà été traité.');
    expect(await pstage.database.db.select().from(cumulationReviews)).toHaveLength(1);
  });

  it('refuses a flag that no longer stands as shown (the later convention cancelled meanwhile), writing nothing', async () => {
    const { first, later, office } = await flaggedEarlierConvention();
    const page = `/office/conventions/${first.id}`;
    const shown = (await office.client.request(page)).text;
    const { version, studentUserId } = await reload(pstage, later.id);
    await cancelConvention({ db: pstage.database.db, officeEmail: 'stages@localhost' }, studentUserId, later.id, version, null, testClock);
    const posted = await office.client.request(`${page}/cumulation-review`, {
      form: {
        _csrf: /name="_csrf" value="([^"]+)"/.exec(shown)![1],
        version: /name="version" value="(\d+)"/.exec(shown)![1],
        flagKey: flagKeyOf(shown)!,
        note: 'Avenant demandé',
      },
    });
    expect(posted.location).toBe(`${page}#cumulation`);
    expect((await office.client.request(page)).text).toContain('Ce signalement a changé depuis l&#39;affichage de la page');
    expect(await pstage.database.db.select().from(cumulationReviews)).toHaveLength(0);
  });
});
