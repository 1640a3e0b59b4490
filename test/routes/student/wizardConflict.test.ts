import { eq } from 'drizzle-orm';
import { AppError } from '../../../src/errors';
import { conventionRepository } from '../../../src/models/conventionRepository';
import { conventions, users } from '../../../src/models/schema';
import { assignTutor } from '../../../src/services/programme/tutors';
import { BrowserlessClient, type FormFields } from '../../support/browserlessClient';
import { useTestPstage } from '../../support/pstage';
import { missingAnchors } from '../../support/errorSummary';
import { draftUpToInternship, fillConventionAsStudent, validLeave, validPersonal } from '../../support/studentJourney';

const pstage = useTestPstage();

/** A page kept open in a tab: its form posted later, with the hidden fields it was shown with. */
async function openTab(client: BrowserlessClient, path: string) {
  const page = await client.request(path);
  expect(page.status).toBe(200);
  const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(page.text)?.[1] ?? '';
  const shown = { _csrf: BrowserlessClient.csrfToken(page.text), version: hidden('version'), seenEvent: hidden('seenEvent') };
  return { post: (fields: FormFields, action = path.split('?')[0]) => client.request(action, { form: { ...shown, ...fields } }) };
}

const storedStudent = async (id: number) => (await pstage.database.db.select().from(conventions).where(eq(conventions.id, id)))[0].student;

describe('the wizard when the same convention is saved from two tabs', () => {
  it('the losing save keeps what was typed, names the fields now different, says it was another tab and links back', async () => {
    const { client, base } = await draftUpToInternship(pstage);
    const id = Number(/(\d+)$/.exec(base)![1]);
    const first = await openTab(client, `${base}/personal`);
    const second = await openTab(client, `${base}/personal`);

    expect((await second.post({ ...validPersonal, city: 'Lyon', postalCode: '69001' })).location).toBe(`${base}/organisation`);
    const losing = await first.post({ ...validPersonal, phone: '06 99 88 77 66', street: '5 rue Neuve' });
    expect(losing.status).toBe(303);
    expect(losing.location).toBe(`${base}/personal#wizard-conflict`);
    // Nothing written over the other tab's save.
    expect(await storedStudent(id)).toMatchObject({ city: 'Lyon', postalCode: '69001', street: validPersonal.street });

    const page = (await client.request(`${base}/personal`)).text;
    expect(page).toContain('id="wizard-conflict"');
    expect(page).toContain('dans un autre onglet ou une autre fenêtre');
    expect(page).not.toContain("quelqu'un d'autre");
    expect(page).not.toContain('quelqu&#39;un d&#39;autre');
    // What was typed in the losing tab, not what is stored.
    expect(page).toContain('value="06 99 88 77 66"');
    expect(page).toContain('value="5 rue Neuve"');
    expect(page).toContain('value="Paris"');
    // The differing fields in the form's order, by their labels: the street and phone typed here, the city and
    // postcode saved by the other tab; the fields equal on both sides (the name, the NIR written otherwise) are not.
    const notice = page.slice(page.indexOf('id="wizard-conflict"'), page.indexOf('</div>', page.indexOf('id="wizard-conflict"')));
    expect([...notice.matchAll(/href="#([^"]+)">([^<]+)</g)].map(([, anchor, label]) => `${anchor} ${label}`)).toEqual([
      'street Adresse',
      'postalCode Code postal',
      'city Ville',
      'phone Téléphone',
    ]);
    expect(missingAnchors(page, '#wizard-conflict')).toEqual([]);
    expect(notice).toContain(`href="${base}/personal"`);

    // Saving the kept values on purpose (the page now carries the stored version) replaces the other tab's.
    const again = await client.submit(`${base}/personal`, { ...validPersonal, phone: '06 99 88 77 66', street: '5 rue Neuve' });
    expect(again.location).toBe(`${base}/organisation`);
    expect(await storedStudent(id)).toMatchObject({ city: 'Paris', street: '5 rue Neuve' });
    // The kept values are shown once: the step shows what is stored afterwards.
    expect((await client.request(`${base}/personal`)).text).not.toContain('id="wizard-conflict"');
  });

  it('a losing save with mistakes keeps both: the errors and the conflict (the next save cannot overwrite silently)', async () => {
    const { client, base } = await draftUpToInternship(pstage);
    const first = await openTab(client, `${base}/personal`);
    expect((await client.submit(`${base}/personal`, { ...validPersonal, city: 'Lyon', postalCode: '69001' })).status).toBe(303);
    expect((await first.post({ ...validPersonal, postalCode: '7500' })).location).toBe(`${base}/personal#wizard-conflict`);
    const page = (await client.request(`${base}/personal`)).text;
    expect(page).toContain('id="wizard-conflict"');
    expect(page).toContain('id="postalCode-error"');
    expect(page).toContain('value="7500"');
  });

  it('says the programme head changed the draft when they assigned the referent meanwhile', async () => {
    const { client, base, conventionId } = await fillConventionAsStudent(pstage, { stopBefore: 'leave' });
    await pstage.launch('jean-dupont', 'm1-info');
    const [head] = await pstage.database.db.select().from(users).where(eq(users.email, 'jean.dupont@univ.example.fr'));
    const tab = await openTab(client, `${base}/signatory`);
    const [draft] = await pstage.database.db.select().from(conventions).where(eq(conventions.id, conventionId));
    await assignTutor(pstage.database.db, {
      programmeId: draft.programmeId,
      actorUserId: head.id,
      tutor: `user:${head.id}`,
      studentIds: [draft.studentUserId],
    });
    const losing = await tab.post({
      choice: 'new',
      civility: 'M.',
      firstName: 'Paul',
      lastName: 'Girard',
      function: 'Gérant',
      email: 'paul.girard@example.fr',
    });
    expect(losing.location).toBe(`${base}/signatory#wizard-conflict`);
    const page = (await client.request(`${base}/signatory`)).text;
    expect(page).toContain('Le responsable de la formation a modifié cette convention entre-temps');
    expect(page).not.toContain('dans un autre onglet');
    expect(page).toContain('value="Girard"');
  });

  it("on the referent's step, an assignment meanwhile wins: the losing choice is pointed at the assigned referent, read-only", async () => {
    const { client, base, conventionId } = await fillConventionAsStudent(pstage, { stopBefore: 'academic-tutor' });
    await pstage.launch('jean-dupont', 'm1-info');
    const [head] = await pstage.database.db.select().from(users).where(eq(users.email, 'jean.dupont@univ.example.fr'));
    const tab = await openTab(client, `${base}/academic-tutor`);
    const [draft] = await pstage.database.db.select().from(conventions).where(eq(conventions.id, conventionId));
    await assignTutor(pstage.database.db, {
      programmeId: draft.programmeId,
      actorUserId: head.id,
      tutor: `user:${head.id}`,
      studentIds: [draft.studentUserId],
    });
    const losing = await tab.post({
      choice: 'new',
      civility: 'Mme',
      firstName: 'Anne',
      lastName: 'Leroy',
      email: 'anne.leroy@univ.example.fr',
    });
    expect(losing.location).toBe(`${base}/academic-tutor#wizard-conflict`);
    const page = (await client.request(`${base}/academic-tutor`)).text;
    expect(page).toContain('Le responsable de la formation a modifié cette convention entre-temps');
    expect(page).toContain('id="assigned-tutor"');
    const notice = page.slice(page.indexOf('id="wizard-conflict"'), page.indexOf('</div>', page.indexOf('id="wizard-conflict"')));
    expect([...notice.matchAll(/href="#([^"]+)">([^<]+)</g)].map(([, anchor, label]) => `${anchor} ${label}`)).toEqual([
      'assigned-tutor Votre choix',
    ]);
    expect(missingAnchors(page, '#wizard-conflict')).toEqual([]);
  });

  it('the recap submitted from a stale page is not submitted: the recap comes back, up to date, to be read again', async () => {
    const { client, base, conventionId } = await fillConventionAsStudent(pstage);
    const recap = await openTab(client, `${base}/recap`);
    expect((await client.submit(`${base}/leave?from=recap`, { ...validLeave, leaveDaysGranted: '3', returnTo: 'recap' })).status).toBe(303);
    const posted = await recap.post({});
    expect(posted.location).toBe(`${base}/recap#wizard-conflict`);
    const [convention] = await pstage.database.db.select().from(conventions).where(eq(conventions.id, conventionId));
    expect(convention.state).toBe('draft');
    const page = (await client.request(`${base}/recap`)).text;
    expect(page).toContain('relisez-la, puis validez à nouveau');
    expect(page).toContain('dans un autre onglet ou une autre fenêtre');
  });

  it('a save that loses the race after its page was checked (the update finds another version) comes back the same way', async () => {
    const { client, base } = await draftUpToInternship(pstage);
    const lost = jest.spyOn(conventionRepository, 'update').mockRejectedValueOnce(new AppError(409, 'errors.conflict'));
    try {
      const posted = await client.submit(`${base}/personal`, { ...validPersonal, street: '7 rue du Four' });
      expect(posted.location).toBe(`${base}/personal#wizard-conflict`);
    } finally {
      lost.mockRestore();
    }
    const page = (await client.request(`${base}/personal`)).text;
    expect(page).toContain('id="wizard-conflict"');
    expect(page).toContain('value="7 rue du Four"');
  });

  it('in English, the same notice', async () => {
    const { client, base } = await draftUpToInternship(pstage, { persona: 'elodie-lefevre' });
    const first = await openTab(client, `${base}/personal`);
    expect((await client.submit(`${base}/personal`, { ...validPersonal, city: 'Lyon', postalCode: '69001' })).status).toBe(303);
    await first.post(validPersonal);
    const page = (await client.request(`${base}/personal`)).text;
    expect(page).toContain('in another tab or window');
    expect(page).not.toContain('Someone else');
  });
});
