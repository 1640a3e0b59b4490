import { eq, sql } from 'drizzle-orm';
import { addDays } from '../../../../src/domain/calendarDate';
import { conventionEvents, conventions, signatureRequests } from '../../../../src/models/schema';
import { today } from '../../../support/clock';
import { useTestPstage } from '../../../support/pstage';
import { submitConventionAsStudent } from '../../../support/studentJourney';
import { acceptCertificateAsOffice, launchOffice, storeCertificate, validateAsOffice } from '../../../services/office/officeJourney';

const pstage = useTestPstage();

const counterOf = (html: string, kind: string) => {
  const start = html.indexOf(`id="day-${kind}"`);
  return start < 0 ? '' : html.slice(html.lastIndexOf('<a', start), html.indexOf('</a>', start));
};
const listTotal = (html: string) => /<p id="day-total">([^<]*)</.exec(html)?.[1].replace(/\s+/g, ' ').trim();
const figureOf = (html: string, kind: string) => /display-6 fw-bold text-body">([^<]*)</.exec(counterOf(html, kind))?.[1];

describe("the office's day", () => {
  it('counts each kind of work to do today and opens its list', async () => {
    // One convention submitted, its host not validated, its certificate uploaded and starting in five days.
    const waiting = await submitConventionAsStudent(pstage);
    await storeCertificate(pstage, waiting.convention);
    await pstage.database.db
      .update(conventions)
      .set({ startDate: addDays(today, 5) })
      .where(eq(conventions.id, waiting.convention.id));
    // Another validated and sent for signature, its links sent 20 days ago and still unsigned.
    const sent = await submitConventionAsStudent(pstage, {
      persona: 'elodie-lefevre',
      organisation: { name: 'Boulangerie Dupain', siret: '55210055400013', postalCode: '33000', city: 'Bordeaux' },
    });
    await validateAsOffice(pstage, sent.convention.id);
    await acceptCertificateAsOffice(pstage, sent.convention.id);
    const { client } = await launchOffice(pstage);
    const page = `/office/conventions/${sent.convention.id}`;
    expect(await client.submit(page, {}, `${page}/send-for-signature`)).toMatchObject({ status: 303 });
    await pstage.database.db
      .update(signatureRequests)
      .set({ sentAt: sql`${signatureRequests.sentAt} - interval '20 days'` })
      .where(eq(signatureRequests.conventionId, sent.convention.id));
    await pstage.database.db
      .update(conventions)
      .set({ startDate: addDays(today, 60) })
      .where(eq(conventions.id, sent.convention.id));

    const dashboard = (await client.request('/office')).text;
    expect(figureOf(dashboard, 'toControl')).toBe('1');
    expect(counterOf(dashboard, 'toControl')).toContain('href="/office/conventions?state=submitted"');
    expect(counterOf(dashboard, 'toControl')).toContain('convention à contrôler');
    expect(counterOf(dashboard, 'toControl')).toContain('À traiter');
    expect(figureOf(dashboard, 'hostsToValidate')).toBe('1');
    expect(counterOf(dashboard, 'hostsToValidate')).toContain('href="/office/organisations#review-title"');
    expect(figureOf(dashboard, 'certificatesToCheck')).toBe('1');
    expect(figureOf(dashboard, 'signaturesOverdue')).toBe('1');
    expect(counterOf(dashboard, 'signaturesOverdue')).toContain('depuis plus de 3 jours');
    expect(figureOf(dashboard, 'startingSoon')).toBe('1');
    expect(counterOf(dashboard, 'startingSoon')).toContain('href="/office?within=15#starting-soon"');

    const certificates = await client.request('/office/today/certificates');
    expect(certificates.status).toBe(200);
    expect(certificates.text).toContain(`href="/office/conventions/${waiting.convention.id}"`);
    expect(certificates.text).not.toContain(`href="/office/conventions/${sent.convention.id}"`);
    expect(certificates.text).toContain('1 ligne');

    const signatures = await client.request('/office/today/signatures');
    expect(signatures.status).toBe(200);
    expect(signatures.text).toContain(`href="/office/conventions/${sent.convention.id}"`);
    expect(signatures.text).not.toContain(`href="/office/conventions/${waiting.convention.id}"`);
    // Four links unsigned on one convention: the list says the card's figure, one row naming the four signatories.
    expect(listTotal(signatures.text)).toBe('1 convention dont une signature est attendue depuis plus de 3 jours');
    expect(signatures.text.split(`href="/office/conventions/${sent.convention.id}"`)).toHaveLength(2);
    expect(signatures.text).toContain(
      '<td>Stagiaire, Représentant de l&#39;organisme d&#39;accueil, Tuteur de stage, Enseignant référent</td>',
    );
  });

  it('counts signatures awaited on paper since a validation older than the delay, and lists them as on paper', async () => {
    // Two conventions validated and never sent for electronic signature: one 20 days ago, one today.
    const old = await submitConventionAsStudent(pstage);
    await validateAsOffice(pstage, old.convention.id);
    await pstage.database.db
      .update(conventionEvents)
      .set({ at: sql`${conventionEvents.at} - interval '20 days'` })
      .where(eq(conventionEvents.conventionId, old.convention.id));
    const recent = await submitConventionAsStudent(pstage, {
      persona: 'elodie-lefevre',
      organisation: { name: 'Boulangerie Dupain', siret: '55210055400013', postalCode: '33000', city: 'Bordeaux' },
    });
    await validateAsOffice(pstage, recent.convention.id);
    const { client } = await launchOffice(pstage);

    const dashboard = (await client.request('/office')).text;
    expect(figureOf(dashboard, 'signaturesOverdue')).toBe('1');
    const signatures = (await client.request('/office/today/signatures')).text;
    expect(signatures).toContain(`href="/office/conventions/${old.convention.id}"`);
    expect(signatures).not.toContain(`href="/office/conventions/${recent.convention.id}"`);
    // On paper: named, those who have not signed yet.
    expect(signatures).toContain('Sur papier : Stagiaire, Représentant de l&#39;organisme d&#39;accueil');
    expect(listTotal(signatures)).toBe(
      `${figureOf(dashboard, 'signaturesOverdue')} convention dont une signature est attendue depuis plus de 3 jours`,
    );

    // Sent for electronic signature since: counted once, by its links' sending date (today: not overdue).
    const page = `/office/conventions/${old.convention.id}`;
    await acceptCertificateAsOffice(pstage, old.convention.id);
    expect(await client.submit(page, {}, `${page}/send-for-signature`)).toMatchObject({ status: 303 });
    expect(figureOf((await client.request('/office')).text, 'signaturesOverdue')).toBe('0');
  });

  it('says there is nothing to do when nothing waits', async () => {
    const { client } = await launchOffice(pstage);
    const dashboard = (await client.request('/office')).text;
    for (const kind of ['toControl', 'hostsToValidate', 'certificatesToCheck', 'signaturesOverdue', 'startingSoon']) {
      expect(figureOf(dashboard, kind)).toBe('0');
      expect(counterOf(dashboard, kind)).toContain('Rien à faire');
    }
    expect((await client.request('/office/today/signatures?page=9')).text).toContain('Rien à traiter.');
  });
});
