import { auditLog } from '../../../../src/models/schema';
import { movableClock, nextYear } from '../../../support/clock';
import { flatten, pdfPages, prose } from '../../../documents/pdfText';
import { useTestPstage } from '../../../support/pstage';
import { submitConventionAsStudent } from '../../../support/studentJourney';
import { completeAsOffice, conventionReadyToValidate, reload, validateAsOffice } from '../../../services/office/officeJourney';

const clock = movableClock();
const pstage = useTestPstage({ clock });
afterEach(() => clock.reset());

/** validInternship: from 2 March to 26 June of next year. */
const plannedEnd = `${nextYear}-06-26`;

async function completeConvention() {
  const submitted = await submitConventionAsStudent(pstage);
  await validateAsOffice(pstage, submitted.convention.id);
  await completeAsOffice(pstage, submitted.convention.id);
  const office = await pstage.launch('office', 'office');
  return { ...submitted, office: office.client, id: submitted.convention.id };
}

const endForm = (fields: Record<string, string>) => ({
  actualEndDate: plannedEnd,
  effectiveHours: '553',
  totalGratificationPaid: '2 488,50',
  ...fields,
});

describe('the end of the internship and the attestation de stage (D124-9)', () => {
  it('refuses the attestation before the end date, then delivers it from the figures the office records at the end', async () => {
    const { office, client: student, base, id } = await completeConvention();
    const page = `/office/conventions/${id}`;
    const attestation = `/documents/conventions/${id}/attestation.pdf`;

    const early = await office.request(attestation);
    expect(early.status).toBe(409);
    expect(early.text).toContain(
      `L’attestation de stage ne peut être établie qu’à la fin du stage : pas avant le 26/06/${nextYear}, son dernier jour.`,
    );
    expect((await student.request(attestation)).status).toBe(409);
    expect((await office.request(page)).text).toContain(`Pas encore enregistrée : le stage se termine le 26/06/${nextYear}.`);
    expect((await student.request(base)).text).toContain(
      'Attestation de stage : L’attestation de stage ne peut être établie qu’à la fin du stage',
    );

    const tooSoon = await office.submit(page, endForm({}), `${page}/internship-end`);
    expect(tooSoon.location).toBe(`${page}#internshipEnd`);
    expect((await office.request(page)).text).toContain(
      'Le stage n&#39;est pas terminé : la date de fin effective ne peut pas être dans le futur.',
    );

    clock.moveTo(plannedEnd);
    const missing = await office.request(attestation);
    expect(missing.status).toBe(409);
    expect(missing.text).toContain('quand le service des stages aura enregistré la présence effective et la gratification versée');

    await office.submit(page, endForm({ effectiveHours: '0', totalGratificationPaid: 'beaucoup' }), `${page}/internship-end`);
    const refused = (await office.request(page)).text;
    expect(refused).toMatch(/id="internshipEnd-effectiveHours-error"[^>]*>Indiquez un nombre supérieur à zéro\./);
    expect(refused).toMatch(/id="internshipEnd-totalGratificationPaid-error"[^>]*>Indiquez un nombre, par exemple 553 ou 2 488,50\./);
    await office.submit(page, endForm({ effectiveHours: '5000' }), `${page}/internship-end`);
    expect((await office.request(page)).text).toContain('Plus d&#39;heures que la durée maximale de présence sur la période');

    const recorded = await office.submit(page, endForm({}), `${page}/internship-end`);
    expect(recorded.location).toBe(`${page}?done=internshipEnd`);
    expect(await reload(pstage, id)).toMatchObject({ actualEndDate: plannedEnd, effectiveHours: 553, totalGratificationPaid: 2488.5 });
    const audit = await pstage.database.db.select().from(auditLog);
    expect(audit.find((entry) => entry.action === 'convention.internship_end')?.details).toEqual({
      actualEndDate: plannedEnd,
      effectiveHours: 553,
      totalGratificationPaid: 2488.5,
    });
    expect((await office.request(page)).text).toContain('553 heures (prévues :');

    const pdf = await office.download(attestation);
    expect(pdf.status).toBe(200);
    const text = prose(await pdfPages(pdf.bytes, '-raw'));
    expect(text).toContain(`du 02/03/${nextYear} au 26/06/${nextYear}`);
    expect(text).toContain('553 heures de présence effective, soit 79 jours, soit 3 mois et 13 jour(s)');
    expect(text).toContain('pour un montant total de 2 488,50 €');
    expect(flatten(await pdfPages(pdf.bytes))).not.toContain('........................ €');
    expect((await student.request(base)).text).toContain(`href="${attestation}"`);
    expect((await student.download(attestation)).status).toBe(200);
  });

  it('delivers it before the planned end when the internship ended early, with the actual last day', async () => {
    const { office, id } = await completeConvention();
    const page = `/office/conventions/${id}`;
    clock.moveTo(`${nextYear}-05-15`);
    await office.submit(page, endForm({ actualEndDate: `${nextYear}-05-16` }), `${page}/internship-end`);
    expect((await office.request(page)).text).toContain('Le stage n&#39;est pas terminé');
    await office.submit(page, endForm({ actualEndDate: `${nextYear}-06-27` }), `${page}/internship-end`);
    expect((await office.request(page)).text).toContain('ne peut pas dépasser la date de fin de la convention');

    const ended = await office.submit(
      page,
      endForm({ actualEndDate: `${nextYear}-05-14`, effectiveHours: '371', totalGratificationPaid: '1 669,50' }),
      `${page}/internship-end`,
    );
    expect(ended.location).toBe(`${page}?done=internshipEnd`);
    expect((await office.request(page)).text).toContain(`stage terminé avant la fin prévue (26/06/${nextYear})`);
    const text = prose(await pdfPages((await office.download(`/documents/conventions/${id}/attestation.pdf`)).bytes, '-raw'));
    expect(text).toContain(`du 02/03/${nextYear} au 14/05/${nextYear}`);
    expect(text).toContain('371 heures de présence effective');
    expect(text).toContain('pour un montant total de 1 669,50 €');
  });

  it('is not offered before the convention is complete', async () => {
    const { convention } = await conventionReadyToValidate(pstage);
    const { client: office } = await pstage.launch('office', 'office');
    clock.moveTo(plannedEnd);
    const page = `/office/conventions/${convention.id}`;
    expect((await office.request(page)).text).not.toContain('Enregistrer la fin du stage');
    const refused = await office.submit(page, endForm({}), `${page}/internship-end`);
    expect(refused.location).toBe(`${page}#internshipEnd`);
    expect((await reload(pstage, convention.id)).effectiveHours).toBeNull();
  });
});
