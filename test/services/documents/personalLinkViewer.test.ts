import { conventionPdfFor } from '../../../src/services/documents/conventionPdf';
import { conventionForViewer, personalLinkViewer } from '../../../src/services/documents/documentAccess';
import { useTestPstage } from '../../support/pstage';
import { submitConventionAsStudent } from '../../support/studentJourney';

const pstage = useTestPstage();

describe("a personal link's viewer (the host's space)", () => {
  it("reads its own convention's documents and no other convention's, with the same 404 as a missing one", async () => {
    const mine = await submitConventionAsStudent(pstage, { persona: 'camille-martin' });
    const other = await submitConventionAsStudent(pstage, { persona: 'elodie-lefevre' });
    const db = pstage.database.db;
    const viewer = personalLinkViewer(mine.convention.id);

    expect((await conventionForViewer(db, viewer, mine.convention.id)).id).toBe(mine.convention.id);
    await expect(conventionForViewer(db, viewer, other.convention.id)).rejects.toMatchObject({
      status: 404,
      messageKey: 'errors.notFound',
    });
    await expect(conventionForViewer(db, viewer, 999_999)).rejects.toMatchObject({ status: 404, messageKey: 'errors.notFound' });
    const { config, pdfRenderer } = pstage.services;
    await expect(conventionPdfFor(db, config.institution, viewer, other.convention.id, pdfRenderer)).rejects.toMatchObject({ status: 404 });
  });
});
