import { eq, sql } from 'drizzle-orm';
import { auditLog, organisations } from '../../../../src/models/schema';
import { BrowserlessClient } from '../../../support/browserlessClient';
import { useTestPstage } from '../../../support/pstage';
import { createHost, launchOffice, post } from './support';

const pstage = useTestPstage();

const fields = {
  name: 'Atelier Numérique',
  country: 'FR',
  siret: '73282932000074',
  headcountBand: '50-249',
  sector: 'private',
  street: '1 rue Haute',
  postalCode: '69001',
  city: 'Lyon',
};

/** What an office member's browser holds after opening a page: its CSRF token and the record versions it shows. */
async function openPage(client: BrowserlessClient, path: string) {
  const page = await client.request(path);
  expect(page.status).toBe(200);
  return { csrf: BrowserlessClient.csrfToken(page.text), version: /name="version" value="(\d+)"/.exec(page.text)![1], text: page.text };
}

async function hostRow(id: number) {
  const [row] = await pstage.database.db.select().from(organisations).where(eq(organisations.id, id));
  return row;
}

async function auditActions(action: string) {
  return pstage.database.db.select().from(auditLog).where(eq(auditLog.action, action));
}

describe('two office members acting on the same host at once', () => {
  it('when a second member saves an edit made from a version another member has changed since, nothing is overwritten and their values come back with a conflict message', async () => {
    const host = await createHost(pstage);
    const first = await launchOffice(pstage);
    const second = await launchOffice(pstage);
    const firstForm = await openPage(first.client, `/office/organisations/${host.id}/edit`);
    expect(firstForm.version).toBe('1');

    const saved = await second.client.submit(`/office/organisations/${host.id}/edit`, { ...fields, street: '2 rue du Second' });
    expect(saved).toMatchObject({ status: 303, location: `/office/organisations/${host.id}?done=edited` });
    expect(await hostRow(host.id)).toMatchObject({ street: '2 rue du Second', version: 2 });

    const late = await post(first.client, firstForm.csrf, `/office/organisations/${host.id}/edit`, {
      ...fields,
      version: firstForm.version,
      street: '1 rue du Premier',
    });
    expect(late).toMatchObject({ status: 303, location: `/office/organisations/${host.id}/edit` });
    expect(await hostRow(host.id)).toMatchObject({ street: '2 rue du Second', version: 2 });
    expect(await auditActions('organisation.edit')).toHaveLength(1);

    const back = await first.client.request(late.location!);
    expect(back.text).toContain('pendant que vous le modifiiez : vos changements n&#39;ont pas été enregistrés');
    expect(back.text).toContain('value="1 rue du Premier"');
    // The kept form still carries the old version: saving it again cannot overwrite the other change either.
    expect(back.text).toContain('name="version" value="1"');
    const keptVersion = /name="version" value="(\d+)"/.exec(back.text)![1];
    const again = await post(first.client, BrowserlessClient.csrfToken(back.text), `/office/organisations/${host.id}/edit`, {
      ...fields,
      version: keptVersion,
      street: '1 rue du Premier',
    });
    expect(again.location).toBe(`/office/organisations/${host.id}/edit`);
    expect((await hostRow(host.id)).street).toBe('2 rue du Second');
    await first.client.request(again.location!);

    // The current version, opened from the message's link, saves.
    const current = await openPage(first.client, `/office/organisations/${host.id}/edit`);
    expect(current.version).toBe('2');
    expect(current.text).toContain('value="2 rue du Second"');
    const retried = await first.client.submit(`/office/organisations/${host.id}/edit`, { ...fields, street: '1 rue du Premier' });
    expect(retried.location).toBe(`/office/organisations/${host.id}?done=edited`);
    expect(await hostRow(host.id)).toMatchObject({ street: '1 rue du Premier', version: 3 });
  });

  it('validating a host another member changed since the page was opened is refused with a message, and the page shows the current record', async () => {
    const host = await createHost(pstage);
    const first = await launchOffice(pstage);
    const second = await launchOffice(pstage);
    const page = await openPage(first.client, `/office/organisations/${host.id}`);
    await second.client.submit(`/office/organisations/${host.id}/edit`, { ...fields, name: 'Atelier Numérique Renommé' });

    const late = await post(first.client, page.csrf, `/office/organisations/${host.id}/validate`, { version: page.version });
    expect(late).toMatchObject({ status: 303, location: `/office/organisations/${host.id}` });
    expect(await hostRow(host.id)).toMatchObject({ validated: false, version: 2 });
    expect(await auditActions('organisation.validate')).toHaveLength(0);
    const shown = await first.client.request(late.location!);
    expect(shown.text).toContain('a modifié cet organisme entre-temps : votre action n&#39;a pas été enregistrée');
    expect(shown.text).toContain('Atelier Numérique Renommé');
    expect(shown.text).toContain('name="version" value="2"');

    const retried = await post(first.client, page.csrf, `/office/organisations/${host.id}/validate`, { version: '2' });
    expect(retried.location).toBe(`/office/organisations/${host.id}?done=validated`);
    expect(await hostRow(host.id)).toMatchObject({ validated: true, version: 3 });
  });

  it('a validation or merge without the version of the page (a crafted form) writes nothing', async () => {
    const a = await createHost(pstage, { name: 'Atelier Numérique' });
    const b = await createHost(pstage, { name: 'Atelier Numerique', siret: null });
    const { client, csrf } = await launchOffice(pstage);
    expect((await post(client, csrf, `/office/organisations/${a.id}/validate`)).location).toBe(`/office/organisations/${a.id}`);
    expect((await post(client, csrf, `/office/organisations/${a.id}/validate`, { version: 'abc' })).location).toBe(
      `/office/organisations/${a.id}`,
    );
    expect(
      (
        await post(client, csrf, `/office/organisations/${a.id}/merge`, {
          version: '1',
          candidateId: String(b.id),
          survivorId: String(a.id),
        })
      ).location,
    ).toBe(`/office/organisations/${a.id}`);
    expect((await post(client, csrf, `/office/organisations/${a.id}/edit`, fields)).location).toBe(`/office/organisations/${a.id}/edit`);
    expect(await pstage.database.db.select().from(organisations)).toHaveLength(2);
    expect(await hostRow(a.id)).toMatchObject({ validated: false, version: 1 });
  });

  it('merging into or away a host another member edited since the page was opened is refused, and nothing moves', async () => {
    const a = await createHost(pstage, { name: 'Atelier Numérique' });
    const b = await createHost(pstage, { name: 'Atelier Numerique', siret: null });
    const first = await launchOffice(pstage);
    const second = await launchOffice(pstage);
    const page = await openPage(first.client, `/office/organisations/${a.id}`);
    expect(page.text).toContain(`name="candidateVersion" value="1"`);
    const edited = await second.client.submit(`/office/organisations/${b.id}/edit`, {
      ...fields,
      name: 'Atelier Numerique',
      siret: '55210055400013',
      street: '9 rue Neuve',
    });
    expect(edited.location).toBe(`/office/organisations/${b.id}?done=edited`);

    const late = await post(first.client, page.csrf, `/office/organisations/${a.id}/merge`, {
      version: page.version,
      candidateId: String(b.id),
      candidateVersion: '1',
      survivorId: String(a.id),
    });
    expect(late).toMatchObject({ status: 303, location: `/office/organisations/${a.id}` });
    expect(await pstage.database.db.select().from(organisations)).toHaveLength(2);
    expect(await auditActions('organisation.merge')).toHaveLength(0);
    expect(await hostRow(a.id)).toMatchObject({ version: 1 });
    expect((await first.client.request(late.location!)).text).toContain('votre action n&#39;a pas été enregistrée');
  });

  it('when two members merge the same duplicates at once, the second is told and sent where the record still exists', async () => {
    const a = await createHost(pstage, { name: 'Atelier Numérique' });
    const b = await createHost(pstage, { name: 'Atelier Numerique', siret: null });
    const first = await launchOffice(pstage);
    const second = await launchOffice(pstage);
    const firstPage = await openPage(first.client, `/office/organisations/${a.id}`);
    const secondPage = await openPage(second.client, `/office/organisations/${a.id}`);
    const merge = { version: '1', candidateId: String(b.id), candidateVersion: '1' };

    // The second member keeps the other record: the page's own host is gone afterwards.
    const done = await post(second.client, secondPage.csrf, `/office/organisations/${a.id}/merge`, { ...merge, survivorId: String(b.id) });
    expect(done.location).toBe(`/office/organisations/${b.id}?done=merged`);

    const late = await post(first.client, firstPage.csrf, `/office/organisations/${a.id}/merge`, { ...merge, survivorId: String(a.id) });
    expect(late).toMatchObject({ status: 303, location: '/office/organisations' });
    const list = await first.client.request(late.location!);
    expect(list.text).toContain('Cet organisme a été fusionné ou supprimé entre-temps');
    const remaining = await pstage.database.db.select().from(organisations);
    expect(remaining.map((row) => row.id)).toEqual([b.id]);
    expect(await auditActions('organisation.merge')).toHaveLength(1);
  });

  it('tells an office member whose launch was in English in English', async () => {
    const host = await createHost(pstage);
    const { client, csrf } = await launchOffice(pstage);
    await pstage.database.db.execute(sql`update sessions set data = jsonb_set(data, '{locale}', '"en"')`);
    await pstage.database.db.update(organisations).set({ version: 2 }).where(eq(organisations.id, host.id));
    const late = await post(client, csrf, `/office/organisations/${host.id}/edit`, { ...fields, version: '1', street: '5 rue Tardive' });
    const page = await client.request(late.location!);
    expect(page.text).toContain('Another office member saved a change to this host while you were editing it');
    expect(page.text).toContain('value="5 rue Tardive"');
    expect((await hostRow(host.id)).street).toBe('1 rue Haute');
  });
});
