import { eq } from 'drizzle-orm';
import { users } from '../../../src/models/schema';
import { uploadCertificate } from '../../../src/services/student/certificate';
import { useTestPstage } from '../../support/pstage';
import { submitConventionAsStudent } from '../../support/studentJourney';

const pstage = useTestPstage();
const missingId = 2_147_483_647;
const certificate = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

/** Camille's submitted convention and a certificate she uploaded for it. */
async function camillesDocuments() {
  const { convention } = await submitConventionAsStudent(pstage);
  const [camille] = await pstage.database.db.select().from(users).where(eq(users.name, 'Camille Martin'));
  const upload = await uploadCertificate(pstage.database.db, camille.id, convention.id, { originalname: 'rc.pdf', buffer: certificate });
  if (!upload.ok) throw new Error(JSON.stringify(upload.errors));
  return { conventionId: convention.id, certificateId: upload.document.id };
}

const pathsFor = (conventionId: number, certificateId: number) => [
  `/documents/conventions/${conventionId}/convention.pdf`,
  `/documents/conventions/${conventionId}/attestation.pdf`,
  `/documents/certificates/${certificateId}`,
];

describe('someone else’s document answers exactly as a missing one', () => {
  it.each([
    ['the head of another programme', 'sophie-bernard', 'l3-chimie'],
    ['a student of another programme', 'hugo-petit', 'l3-chimie'],
    ['another student of the same programme', 'elodie-lefevre', 'm1-info'],
  ])('%s (%s) gets the same 404 page for an existing and a missing id', async (_who, persona, link) => {
    const { conventionId, certificateId } = await camillesDocuments();
    const { client } = await pstage.launch(persona, link);
    const existing = pathsFor(conventionId, certificateId);
    const missing = pathsFor(missingId, missingId);
    for (const [index, path] of existing.entries()) {
      const foreign = await client.download(path);
      const absent = await client.download(missing[index]);
      expect({ path, status: foreign.status }).toEqual({ path, status: 404 });
      expect(absent.status).toBe(404);
      expect(foreign.text).toBe(absent.text);
      expect(foreign.headers.get('content-type')).toBe(absent.headers.get('content-type'));
    }
  });

  it('a visitor without a session gets the same answer for both too', async () => {
    const { conventionId, certificateId } = await camillesDocuments();
    const missing = pathsFor(missingId, missingId);
    for (const [index, path] of pathsFor(conventionId, certificateId).entries()) {
      const [foreign, absent] = await Promise.all(
        [path, missing[index]].map((target) => fetch(new URL(target, pstage.url), { headers: { accept: 'text/html' } })),
      );
      expect(foreign.status).toBe(absent.status);
      expect(await foreign.text()).toBe(await absent.text());
    }
  });
});
