import { eq } from 'drizzle-orm';
import { conventionEvents } from '../../../../src/models/schema';
import { useTestPstage } from '../../../support/pstage';
import { conventionReadyToValidate, launchOffice, reload } from '../../../services/office/officeJourney';

const pstage = useTestPstage();

/** What the confirmation page's form posts: its hidden fields, as a browser would send them. */
const hiddenFields = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(([, name, value]) => [
      name,
      value.replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
    ]),
  );

describe('the office confirms before returning or cancelling a convention, on a page without JavaScript', () => {
  it('cancelling asks first, showing the reason typed; nothing changes until the confirmation is posted', async () => {
    const { convention } = await conventionReadyToValidate(pstage);
    const { client } = await launchOffice(pstage);
    const page = `/office/conventions/${convention.id}`;
    const asked = await client.submit(page, { reason: 'Stage annulé par l’entreprise' }, `${page}/cancel`);
    expect(asked).toMatchObject({ status: 303, location: `${page}/confirm/cancel` });
    expect(await reload(pstage, convention.id)).toMatchObject({ state: 'submitted', version: convention.version });

    const confirm = await client.request(asked.location!);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain(`Annuler la convention ${convention.reference} ?`);
    expect(confirm.text).toContain('L&#39;annulation est définitive');
    expect(confirm.text).toContain('<p class="text-pre-line" id="confirm-reason">Stage annulé par l’entreprise</p>');
    expect(confirm.text).toContain('name="confirmed" value="yes"');
    expect(confirm.text).toContain(`href="${page}#cancel">Non, revenir à la convention</a>`);

    const done = await client.request(`${page}/cancel`, { form: hiddenFields(confirm.text) });
    expect(done.location).toBe(`${page}?done=cancel`);
    expect(await reload(pstage, convention.id)).toMatchObject({ state: 'cancelled' });
    const [event] = await pstage.database.db.select().from(conventionEvents).where(eq(conventionEvents.event, 'cancel'));
    expect(event.reason).toBe('Stage annulé par l’entreprise');
  });

  it('returning without a reason stays on the convention page with the error; the confirmation page alone leads back', async () => {
    const { convention } = await conventionReadyToValidate(pstage);
    const { client } = await launchOffice(pstage);
    const page = `/office/conventions/${convention.id}`;
    expect((await client.submit(page, { reason: '' }, `${page}/return`)).location).toBe(`${page}#return`);
    expect((await client.request(`${page}/confirm/return`)).location).toBe(page);
    expect((await client.request(`${page}/confirm/validate`)).location).toBe(page);
    const asked = await client.submit(page, { reason: 'Dates à corriger' }, `${page}/return`);
    const confirm = await client.request(asked.location!);
    expect(confirm.text).toContain('Oui, renvoyer à l&#39;étudiant');
    const reloaded = await client.request(asked.location!);
    expect(reloaded.text).toContain('Dates à corriger');
    expect((await client.request(`${page}/return`, { form: hiddenFields(reloaded.text) })).location).toBe(`${page}?done=return`);
    expect(await reload(pstage, convention.id)).toMatchObject({ state: 'draft' });
  });
});
