import { BrowserlessClient } from '../../../support/browserlessClient';
import { useSignatureMailbox } from '../../../support/signatureMailbox';
import { useTestPstage } from '../../../support/pstage';
import { draftUpToInternship, validOrganisation } from '../../../support/studentJourney';
import { organisationRepository } from '../../../../src/models/organisationRepository';
import { createHost, launchOffice } from './support';

const pstage = useTestPstage();
const mailbox = useSignatureMailbox(pstage);

async function merge(client: BrowserlessClient, keptId: number, removedId: number) {
  const [kept, removed] = [
    await organisationRepository.findById(pstage.database.db, keptId),
    await organisationRepository.findById(pstage.database.db, removedId),
  ];
  const query = new URLSearchParams({
    version: String(kept!.version),
    candidateId: String(removedId),
    candidateVersion: String(removed!.version),
    survivorId: String(keptId),
  });
  const asked = await client.request(`/office/organisations/${keptId}/merge?${query}`);
  expect(asked.status).toBe(200);
  const fields = Object.fromEntries(
    [...asked.text.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(([, name, value]) => [name, value]),
  );
  const confirmed = await client.request(`/office/organisations/${keptId}/merge`, {
    form: { ...fields, _csrf: BrowserlessClient.csrfToken(asked.text) },
  });
  expect(confirmed.status).toBe(303);
}

describe('links to a host record merged away', () => {
  it('the "new host" mail and the removed record’s pages lead the office to the record kept, through later merges too', async () => {
    const kept = await createHost(pstage, {
      name: 'Société Générale Informatique',
      siret: '55210055400013',
      street: '2 avenue de la Gare',
    });
    // The student creates the same host again under another establishment's SIRET: the office is mailed about it.
    await draftUpToInternship(pstage);
    await mailbox.deliver();
    const [announce] = mailbox.mailsTo(pstage.services.config.officeEmail).filter((mail) => /Nouvel organisme/.test(mail.subject ?? ''));
    const path = new RegExp(`${pstage.url}(/office/organisations/(\\d+))`).exec(announce.text ?? '')!;
    const created = await organisationRepository.findBySiret(pstage.database.db, String(validOrganisation.siret));
    expect(Number(path[2])).toBe(created!.id);

    const { client } = await launchOffice(pstage);
    await merge(client, kept.id, created!.id);
    expect(await client.request(path[1])).toMatchObject({ status: 301, location: `/office/organisations/${kept.id}` });
    expect(await client.request(`${path[1]}/edit`)).toMatchObject({ status: 301, location: `/office/organisations/${kept.id}/edit` });
    expect((await client.request(`/office/organisations/${kept.id}`)).status).toBe(200);

    // The kept record is merged in turn: the old link follows both merges.
    const last = await createHost(pstage, {
      name: 'Société Générale Informatique SA',
      siret: '73282932000082',
      street: '2 avenue de la Gare',
    });
    await merge(client, last.id, kept.id);
    expect(await client.request(path[1])).toMatchObject({ status: 301, location: `/office/organisations/${last.id}` });
    expect(await client.request(`/office/organisations/${kept.id}`)).toMatchObject({
      status: 301,
      location: `/office/organisations/${last.id}`,
    });
  });

  it('a record that never existed is still not found, and the redirect is for the office only', async () => {
    const { client } = await launchOffice(pstage);
    expect((await client.request('/office/organisations/999999')).status).toBe(404);
    const kept = await createHost(pstage, { name: 'Atelier Numérique' });
    const duplicate = await createHost(pstage, { name: 'Atelier Numerique SARL', siret: '55210055400013' });
    await merge(client, kept.id, duplicate.id);
    const { client: student } = await pstage.launch('camille-martin', 'm1-info');
    const asStudent = await student.request(`/office/organisations/${duplicate.id}`);
    expect(asStudent.status).not.toBe(301);
    expect(asStudent.location ?? '').not.toContain(`/office/organisations/${kept.id}`);
  });
});
