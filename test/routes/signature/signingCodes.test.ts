import { eq } from 'drizzle-orm';
import request from 'supertest';
import { auditLog, outbox, signatureRequests } from '../../../src/models/schema';
import { movableClock } from '../../support/clock';
import { useTestPstage } from '../../support/pstage';
import { sentForSignature, signAsStudent } from '../../support/signatureCircuit';
import { useSignatureMailbox } from '../../support/signatureMailbox';
import { reload } from '../../services/office/officeJourney';

const clock = movableClock({ movesNow: true });
const pstage = useTestPstage({ clock });
const mailbox = useSignatureMailbox(pstage);
const { deliver, mailsTo, linkIn, codeIn } = mailbox;

beforeEach(() => clock.reset());

const codeMails = async () =>
  (await pstage.database.db.select().from(outbox)).filter((row) => JSON.stringify(row.payload).includes('"signatureCode"'));

describe('the student signs from their space with a code mailed to their address, like the links', () => {
  it('without the code, or with a wrong one, nothing is signed; the mailed code, the typed name and the consent sign', async () => {
    const { convention, student, requests } = await sentForSignature(pstage, mailbox);
    const own = requests.find((row) => row.party === 'student')!;
    const base = `/student/conventions/${convention.id}`;
    const page = await student.request(base);
    expect(page.text).toContain(`action="${base}/signature/code"`);
    expect(page.text).toContain(own.email);

    // The consent alone, as before, no longer signs: every missing field is said, in one pass.
    const consentOnly = await student.submit(base, { consent: 'yes' }, `${base}/signature/sign`);
    expect(consentOnly).toMatchObject({ status: 303, location: `${base}#signature-errors` });
    const errors = (await student.request(base)).text;
    expect(errors).toContain('Saisissez votre nom complet.');
    expect(errors).toContain('Saisissez le code à 6 chiffres reçu par courriel.');
    const notAsked = await student.submit(base, { fullName: own.name, code: '123456', consent: 'yes' }, `${base}/signature/sign`);
    expect(notAsked.location).toBe(`${base}#signature-errors`);
    expect((await student.request(base)).text).toContain('Ce code a expiré ou n&#39;a pas été demandé.');

    const asked = await student.submit(base, {}, `${base}/signature/code`);
    expect(asked).toMatchObject({ status: 303, location: `${base}?code=sent#student-signature` });
    expect((await student.request(`${base}?code=sent`)).text).toContain(`Un code vient d&#39;être envoyé à ${own.email}`);
    await deliver();
    const code = codeIn(own.email);
    // The mail leads back to the student's space, not to a personal link (a student has none).
    const mail = mailsTo(own.email).at(-1)!;
    expect(mail.text).toContain(`${pstage.url}${base}`);
    expect(mail.text).not.toContain('/sign/');

    const wrongCode = code === '000000' ? '111111' : '000000';
    await student.submit(base, { fullName: own.name, code: wrongCode, consent: 'yes' }, `${base}/signature/sign`);
    expect((await student.request(base)).text).toContain('Il vous reste 4 essais avec ce code.');
    await student.submit(base, { fullName: 'Quelqu’un d’autre', code, consent: 'yes' }, `${base}/signature/sign`);
    expect((await student.request(base)).text).toContain('tel qu&#39;il figure sur cette page');
    expect((await reload(pstage, convention.id)).state).toBe('validated');

    const csrf = /name="_csrf" value="([^"]+)"/.exec((await student.request(base)).text)![1];
    const typed = own.name.toUpperCase();
    const signed = await signAsStudent(pstage, mailbox, student, convention.id, { fullName: typed });
    expect(signed).toMatchObject({ status: 303, location: `${base}?done=signed` });
    const [after] = await pstage.database.db.select().from(signatureRequests).where(eq(signatureRequests.id, own.id));
    expect(after).toMatchObject({ status: 'signed', typedName: typed, codeHash: null });
    const audit = await pstage.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, String(convention.id)));
    const actions = audit.map((row) => row.action);
    expect(actions.filter((action) => action === 'signature.code_sent')).toHaveLength(2);
    expect(actions).toEqual(expect.arrayContaining(['signature.code_wrong', 'signature.signed']));
    expect(audit.find((row) => row.action === 'signature.signed')!.details).toMatchObject({ party: 'student', typedName: typed });
    // Replayed: the request is closed, nothing is awaited from the student any more.
    const replay = await student.request(`${base}/signature/sign`, { form: { _csrf: csrf, fullName: own.name, code, consent: 'yes' } });
    expect(replay.status).toBe(409);
    expect((await student.request(`${base}/signature/code`, { form: { _csrf: csrf } })).status).toBe(409);
  }, 120_000);

  it('another student cannot ask for a code or sign on a convention that is not theirs', async () => {
    const first = await sentForSignature(pstage, mailbox);
    const second = await sentForSignature(pstage, mailbox, { persona: 'elodie-lefevre' });
    const foreign = `/student/conventions/${first.convention.id}`;
    const own = `/student/conventions/${second.convention.id}`;
    const before = (await codeMails()).length;
    const page = await second.student.request(own);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const asked = await second.student.request(`${foreign}/signature/code`, { form: { _csrf: csrf } });
    expect(asked.status).toBe(404);
    const signed = await second.student.request(`${foreign}/signature/sign`, {
      form: { _csrf: csrf, fullName: 'x', code: '123456', consent: 'yes' },
    });
    expect(signed.status).toBe(404);
    expect((await codeMails()).length).toBe(before);
  }, 120_000);
});

describe('codes are rate-limited per request: at most 5 an hour', () => {
  it('the sixth code asked within the hour from a link is refused with the time to come back; an hour later it is sent', async () => {
    const { requests } = await sentForSignature(pstage, mailbox);
    const host = requests.find((row) => row.party === 'host_signatory')!;
    const link = linkIn(host.email);
    const day = clock.today();
    for (let sent = 1; sent <= 5; sent += 1) {
      expect((await request(pstage.url).post(`${link}/code`).type('form').send({})).status).toBe(303);
      clock.moveTo(day, sent * 5 * 60_000);
    }
    const before = (await codeMails()).length;
    const limited = await request(pstage.url).post(`${link}/code`).type('form').send({});
    expect(limited.status).toBe(429);
    expect(limited.text).toContain('Vous avez déjà demandé 5 codes en une heure');
    expect((await codeMails()).length).toBe(before);
    expect((await pstage.database.db.select().from(auditLog).where(eq(auditLog.action, 'signature.code_limited'))).length).toBe(1);
    // The last code still signs.
    await deliver();
    const code = codeIn(host.email);
    const signed = await request(pstage.url).post(`${link}/sign`).type('form').send({ fullName: host.name, code, consent: 'yes' });
    expect(signed.status).toBe(200);
  }, 120_000);

  it('the window is an hour from the first code: an hour later the count starts again', async () => {
    const { requests } = await sentForSignature(pstage, mailbox);
    const host = requests.find((row) => row.party === 'host_signatory')!;
    const link = linkIn(host.email);
    for (let sent = 1; sent <= 5; sent += 1) await request(pstage.url).post(`${link}/code`).type('form').send({});
    expect((await request(pstage.url).post(`${link}/code?lang=en`).type('form').send({})).text).toContain(
      'You have already asked for 5 codes within an hour',
    );
    clock.moveTo(clock.today(), 61 * 60_000);
    // The window is the first code's hour, not a sliding one: the sixth went through once it had passed.
    expect((await request(pstage.url).post(`${link}/code`).type('form').send({})).status).toBe(303);
  }, 120_000);

  it('the student’s space applies the same limit, with the same message', async () => {
    const { convention, student } = await sentForSignature(pstage, mailbox);
    const base = `/student/conventions/${convention.id}`;
    for (let sent = 1; sent <= 5; sent += 1)
      expect((await student.submit(base, {}, `${base}/signature/code`)).location).toBe(`${base}?code=sent#student-signature`);
    expect((await student.submit(base, {}, `${base}/signature/code`)).location).toBe(`${base}#signature-errors`);
    expect((await student.request(base)).text).toContain('Vous avez déjà demandé 5 codes en une heure');
  }, 120_000);
});
