import { threadId } from 'node:worker_threads';
import { eq } from 'drizzle-orm';
import { sha256 } from '../../../src/documents/hash';
import { conventions, renderedPdfs } from '../../../src/models/schema';
import { renderedPdfLifetimeMs } from '../../../src/services/documents/pdfCache';
import { returnConvention } from '../../../src/services/office/returnConvention';
import { pdfPages, prose } from '../../documents/pdfText';
import { testClock } from '../../support/clock';
import { useTestPstage } from '../../support/pstage';
import { submitConventionAsStudent, validInternship } from '../../support/studentJourney';
import { launchOffice } from '../../services/office/officeJourney';

const pstage = useTestPstage();
const pdfPath = (id: number) => `/documents/conventions/${id}/convention.pdf`;

/** Counts the renderings while letting them through to the real renderer. */
function countRenderings() {
  const render = jest.spyOn(pstage.services.pdfRenderer, 'render');
  return { count: () => render.mock.calls.length, restore: () => render.mockRestore() };
}

describe('draft PDFs are rendered again only when what they are built from changed', () => {
  it('a second download of an unchanged draft serves the stored rendering, rendered off the main thread', async () => {
    const { client, convention } = await submitConventionAsStudent(pstage);
    const renderings = countRenderings();
    try {
      const first = await client.download(pdfPath(convention.id));
      expect(first.status).toBe(200);
      expect(renderings.count()).toBe(1);
      expect(pstage.services.pdfRenderer.lastThreadId).not.toBe(threadId);
      const { client: office } = await pstage.launch('office', 'office');
      const second = await office.download(pdfPath(convention.id));
      expect(second.status).toBe(200);
      expect(renderings.count()).toBe(1);
      expect(sha256(second.bytes)).toBe(sha256(first.bytes));
      expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
      const stored = await pstage.database.db.select().from(renderedPdfs);
      expect(stored.map((row) => row.key)).toEqual([`convention-draft:${convention.id}`]);
    } finally {
      renderings.restore();
    }
  });

  it('once the student changed the convention, the next download is rendered anew from the new data, in place of the old one', async () => {
    const { client, convention } = await submitConventionAsStudent(pstage);
    const before = await client.download(pdfPath(convention.id));
    expect(prose(await pdfPages(before.bytes))).toContain('Développer un outil de suivi');
    const { officeUserId } = await launchOffice(pstage);
    const [current] = await pstage.database.db.select().from(conventions).where(eq(conventions.id, convention.id));
    await returnConvention(
      pstage.database.db,
      { officeUserId, conventionId: convention.id, version: current.version, reason: 'Précisez les activités' },
      testClock,
    );
    const base = `/student/conventions/${convention.id}`;
    const posted = await client.submit(`${base}/internship`, { ...validInternship, activities: 'Concevoir un tableau de bord' });
    expect(posted.status).toBe(303);
    const renderings = countRenderings();
    try {
      const after = await client.download(pdfPath(convention.id));
      expect(renderings.count()).toBe(1);
      const text = prose(await pdfPages(after.bytes));
      expect(text).toContain('Concevoir un tableau de bord');
      expect(text).not.toContain('Développer un outil de suivi');
      expect(await pstage.database.db.select({ key: renderedPdfs.key }).from(renderedPdfs)).toHaveLength(1);
    } finally {
      renderings.restore();
    }
  });

  it('the fiche de liaison is kept once per student, programme and language', async () => {
    const camille = await pstage.launch('camille-martin', 'm1-info');
    const renderings = countRenderings();
    try {
      const first = await camille.client.download('/student/fiche-de-liaison.pdf');
      const again = await camille.client.download('/student/fiche-de-liaison.pdf');
      expect(renderings.count()).toBe(1);
      expect(sha256(again.bytes)).toBe(sha256(first.bytes));
      const elodie = await pstage.launch('elodie-lefevre', 'm1-info');
      const english = await elodie.client.download('/student/fiche-de-liaison.pdf');
      expect(renderings.count()).toBe(2);
      expect(prose(await pdfPages(english.bytes))).toMatch(/liaison form/i);
      const keys = (await pstage.database.db.select({ key: renderedPdfs.key }).from(renderedPdfs)).map((row) => row.key);
      expect(keys.sort()).toEqual([
        expect.stringMatching(/^fiche-de-liaison:\d+:\d+:fr$/),
        expect.stringMatching(/^fiche-de-liaison:\d+:\d+:en$/),
      ]);
    } finally {
      renderings.restore();
    }
  });

  it('a rendering not renewed for 30 days is removed at the next rendering; a recent one stays', async () => {
    const { client, convention } = await submitConventionAsStudent(pstage);
    await client.download(pdfPath(convention.id));
    const db = pstage.database.db;
    const longAgo = new Date(Date.now() - renderedPdfLifetimeMs - 3600_000);
    await db
      .update(renderedPdfs)
      .set({ renderedAt: longAgo })
      .where(eq(renderedPdfs.key, `convention-draft:${convention.id}`));
    const elodie = await pstage.launch('elodie-lefevre', 'm1-info');
    await elodie.client.download('/student/fiche-de-liaison.pdf');
    const keys = (await db.select({ key: renderedPdfs.key }).from(renderedPdfs)).map((row) => row.key);
    expect(keys).toEqual([expect.stringMatching(/^fiche-de-liaison:/)]);
  });
});
