import { sql } from 'drizzle-orm';
import { signatures } from '../../../../src/models/schema';
import { summaryItems } from '../../../support/errorSummary';
import { useTestPstage } from '../../../support/pstage';
import { conventionReadyToValidate, launchOffice } from '../../../services/office/officeJourney';

const pstage = useTestPstage();

describe("the office's action forms show every error at once, in form order, named by the field's own label", () => {
  it('a signature with no party, a bad date and no method: three errors in one pass, in French then in English', async () => {
    const { convention } = await conventionReadyToValidate(pstage);
    const { client } = await launchOffice(pstage);
    const page = `/office/conventions/${convention.id}`;
    await client.submit(page, {}, `${page}/validate`);

    expect((await client.submit(page, { party: 'nobody', signedAt: '31/02', method: '' }, `${page}/signatures`)).location).toBe(
      `${page}#signature`,
    );
    let html = (await client.request(page)).text;
    expect(summaryItems(html)).toEqual([
      'signature-party Partie qui a signé : Faites un choix.',
      'signature-signedAt Date de réception de l&#39;original signé : Indiquez une date valide (jj/mm/aaaa).',
      'signature-method Mode de signature : Faites un choix.',
    ]);
    expect(html).toContain('value="31/02"');

    await pstage.database.db.execute(sql`update sessions set data = jsonb_set(data, '{locale}', '"en"')`);
    await client.submit(page, { signedAt: '2020-13-45' }, `${page}/signatures`);
    html = (await client.request(page)).text;
    expect(summaryItems(html)).toEqual([
      'signature-party Party who signed: Make a choice.',
      'signature-signedAt Date the signed original was received: Enter a valid date (dd/mm/yyyy).',
      'signature-method Signature method: Make a choice.',
    ]);
    expect(await pstage.database.db.select().from(signatures)).toHaveLength(0);
  });

  it('a return without a reason names the field "Motif du renvoi" in the summary', async () => {
    const { convention } = await conventionReadyToValidate(pstage);
    const { client } = await launchOffice(pstage);
    const page = `/office/conventions/${convention.id}`;
    await client.submit(page, { reason: ' ' }, `${page}/return`);
    expect(summaryItems((await client.request(page)).text)).toEqual(['return-reason Motif du renvoi : Ce champ est obligatoire.']);
  });
});
