import { BrowserlessClient } from '../../../support/browserlessClient';
import { useTestPstage } from '../../../support/pstage';
import { createHost, launchOffice } from './support';

const pstage = useTestPstage();

describe('merging two hosts', () => {
  it('asks for confirmation on a page of its own, naming the record deleted, and merges only when confirmed', async () => {
    const kept = await createHost(pstage, { name: 'Atelier Numérique' });
    const duplicate = await createHost(pstage, { name: 'Atelier Numerique SARL', siret: '55210055400013' });
    const { client } = await launchOffice(pstage);
    const hostPage = await client.request(`/office/organisations/${kept.id}`);
    expect(hostPage.text).toContain(`<form method="get" action="/office/organisations/${kept.id}/merge"`);
    const query = new URLSearchParams({
      version: '1',
      candidateId: String(duplicate.id),
      candidateVersion: '1',
      survivorId: String(kept.id),
    });
    const asked = await client.request(`/office/organisations/${kept.id}/merge?${query}`);
    expect(asked.status).toBe(200);
    expect(asked.text).toContain('La fiche « Atelier Numerique SARL » (n° ' + duplicate.id + ') sera supprimée');
    expect(asked.text).toContain(`name="survivorId" value="${kept.id}"`);
    expect(asked.text).toContain(`href="/office/organisations/${kept.id}#duplicates-title"`);
    expect(await pstage.database.db.query.organisations.findMany()).toHaveLength(2);

    const fields = Object.fromEntries(
      [...asked.text.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(([, name, value]) => [name, value]),
    );
    const confirmed = await client.request(`/office/organisations/${kept.id}/merge`, {
      form: { ...fields, _csrf: BrowserlessClient.csrfToken(asked.text) },
    });
    expect(confirmed).toMatchObject({ status: 303, location: `/office/organisations/${kept.id}?done=merged` });
    expect((await pstage.database.db.query.organisations.findMany()).map((host) => host.id)).toEqual([kept.id]);
  });

  it('sends a crafted confirmation link back to the host page, without a 500', async () => {
    const kept = await createHost(pstage);
    const { client } = await launchOffice(pstage);
    const crafted = await client.request(`/office/organisations/${kept.id}/merge?candidateId=abc&survivorId=1`);
    expect(crafted).toMatchObject({ status: 303, location: `/office/organisations/${kept.id}#duplicates-title` });
  });
});
