import { eq } from 'drizzle-orm';
import { conventions } from '../../../src/models/schema';
import { useTestPstage } from '../../support/pstage';
import {
  fillConventionAsStudent,
  minorPersonal,
  nextYear,
  validLeave,
  validLegalRepresentative,
  validPersonal,
} from '../../support/studentJourney';

const pstage = useTestPstage();

const reload = async (id: number) => (await pstage.database.db.select().from(conventions).where(eq(conventions.id, id)))[0];

describe('the leave step of the wizard (Article 10 and 9)', () => {
  it('comes after the signatory, offers the standard absence terms, and what it saves is on the recap', async () => {
    const { client, base, conventionId } = await fillConventionAsStudent(pstage, { stopBefore: 'leave' });
    const page = await client.request(`${base}/leave`);
    expect(page.text).toContain('Étape 9 sur 10 : Congés et règlement intérieur');
    expect(page.text).toContain('Votre stage dépasse deux mois');
    expect(page.text).toContain('Les congés sont pris en accord avec le tuteur ou la tutrice');
    const posted = await client.submit(`${base}/leave`, validLeave);
    expect(posted.location).toBe(`${base}/recap`);
    expect(await reload(conventionId)).toMatchObject({
      leaveDaysGranted: 5,
      absenceTerms: validLeave.absenceTerms,
      hostInternalRules: validLeave.hostInternalRules,
      legalRepresentative: null,
    });
    const recap = (await client.request(`${base}/recap`)).text;
    expect(recap).toContain('Étape 10 sur 10');
    expect(recap).toContain('Congés posés en accord avec le tuteur');
    expect(recap).not.toContain('Représentant légal');
  });

  it('refuses a long internship without leave days and blank absence terms, next to each field, and keeps the values', async () => {
    const { client, base, conventionId } = await fillConventionAsStudent(pstage, { stopBefore: 'leave' });
    const posted = await client.submit(`${base}/leave`, { leaveDaysGranted: '', absenceTerms: '  ', hostInternalRules: 'Charte' });
    expect(posted.location).toBe(`${base}/leave`);
    const page = (await client.request(`${base}/leave`)).text;
    expect(page).toMatch(/id="leaveDaysGranted-error"[^>]*>Ce champ est obligatoire\./);
    expect(page).toMatch(/id="absenceTerms-error"[^>]*>Ce champ est obligatoire\./);
    expect(page).toContain('>Charte</textarea>');
    expect(page).toContain('href="#leaveDaysGranted"');
    expect((await reload(conventionId)).lastCompletedStep).toBe(8);
    expect((await client.submit(`${base}/leave`, { ...validLeave, leaveDaysGranted: '61' })).location).toBe(`${base}/leave`);
    expect((await client.request(`${base}/leave`)).text).toMatch(/id="leaveDaysGranted-error"[^>]*>Cette valeur est trop grande\./);
  });

  it('lets a short internship state no leave days', async () => {
    const { client, base, conventionId } = await fillConventionAsStudent(pstage, {
      stopBefore: 'leave',
      internship: { endDate: `${nextYear}-03-27` },
    });
    expect((await client.request(`${base}/leave`)).text).toContain('Votre stage ne dépasse pas deux mois');
    expect((await client.submit(`${base}/leave`, { ...validLeave, leaveDaysGranted: '' })).location).toBe(`${base}/recap`);
    expect((await reload(conventionId)).leaveDaysGranted).toBeNull();
  });

  it('speaks English to an English-speaking student, with the standard terms in English', async () => {
    const { client, base } = await fillConventionAsStudent(pstage, { persona: 'elodie-lefevre', stopBefore: 'leave' });
    expect((await client.request(`${base}/leave`)).text).toContain('Leave is taken in agreement with the host tutor');
    await client.submit(`${base}/leave`, { absenceTerms: '' });
    expect((await client.request(`${base}/leave`)).text).toMatch(/id="absenceTerms-error"[^>]*>This field is required\./);
  });
});

describe('the legal representative of a minor student', () => {
  it('is asked after the leave step, with the student’s address offered, and the recap waits for it', async () => {
    const { client, base, conventionId } = await fillConventionAsStudent(pstage, { personal: minorPersonal, stopBefore: 'leave' });
    expect((await client.submit(`${base}/leave`, validLeave)).location).toBe(`${base}/legal-representative`);
    expect((await client.request(`${base}/recap`)).location).toBe(`${base}/legal-representative`);
    const page = (await client.request(`${base}/legal-representative`)).text;
    expect(page).toContain('Étape 10 sur 11 : Représentant légal');
    expect(page).toContain('Vous aurez moins de 18 ans le premier jour du stage');
    expect(page).toMatch(/name="street" value="1 rue des Écoles"/);

    await client.submit(`${base}/legal-representative`, { ...validLegalRepresentative, civility: '', email: 'pas-une-adresse' });
    const refused = (await client.request(`${base}/legal-representative`)).text;
    expect(refused).toMatch(/id="civility-error"[^>]*>Faites un choix\./);
    expect(refused).toMatch(/id="email-error"[^>]*>Saisissez une adresse électronique valide/);

    expect((await client.submit(`${base}/legal-representative`, validLegalRepresentative)).location).toBe(`${base}/recap`);
    expect((await reload(conventionId)).legalRepresentative).toEqual({
      civility: 'M.',
      firstName: 'Thierry',
      lastName: 'Petit',
      email: 'thierry.petit@example.fr',
      phone: '06 11 22 33 44',
      street: '1 rue des Écoles',
      postalCode: '75005',
      city: 'Paris',
      country: 'FR',
    });
    const recap = (await client.request(`${base}/recap`)).text;
    expect(recap).toContain('Monsieur Thierry Petit — thierry.petit@example.fr');
    expect((await client.submit(`${base}/recap`, {})).status).toBe(303);
    expect((await reload(conventionId)).state).toBe('submitted');
  });

  it('is not asked of an adult: the step sends them on, and posting one is refused', async () => {
    const { client, base } = await fillConventionAsStudent(pstage);
    expect((await client.request(`${base}/legal-representative`)).location).toBe(`${base}/recap`);
    const refused = await client.submit(`${base}/leave`, validLegalRepresentative, `${base}/legal-representative`);
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('aucun représentant légal ne signe la convention');
  });

  it('becomes due when the student corrects a birth date that makes them a minor: the recap sends them to it', async () => {
    const { client, base } = await fillConventionAsStudent(pstage);
    const corrected = await client.submit(`${base}/personal?from=recap`, { ...validPersonal, ...minorPersonal, returnTo: 'recap' });
    expect(corrected.location).toBe(`${base}/recap`);
    expect((await client.request(`${base}/recap`)).location).toBe(`${base}/legal-representative`);
  });
});
