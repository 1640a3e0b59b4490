import { and, eq } from 'drizzle-orm';
import { conventionEvents, signatures } from '../../../src/models/schema';
import { conventionHistory } from '../../../src/services/student/studentQueries';
import { useTestPstage } from '../../support/pstage';
import { submitConventionAsStudent } from '../../support/studentJourney';
import { recordSignaturesAsOffice, validateAsOffice } from './officeJourney';

const pstage = useTestPstage();

describe('the history of a signature', () => {
  it('keeps the signing party on the event itself, so the history names it without pairing events with signature rows', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    await validateAsOffice(pstage, convention.id);
    await recordSignaturesAsOffice(pstage, convention.id, ['host_signatory', 'student']);
    const { db } = pstage.database;
    const events = await db
      .select({ party: conventionEvents.party })
      .from(conventionEvents)
      .where(and(eq(conventionEvents.conventionId, convention.id), eq(conventionEvents.event, 'record_signature')));
    expect(events.map((event) => event.party)).toEqual(['host_signatory', 'student']);
    // Even with the signature rows gone (nothing left to pair with), each line still names its party.
    await db.delete(signatures).where(eq(signatures.conventionId, convention.id));
    const history = await conventionHistory(db, convention.id);
    expect(history.filter((event) => event.event === 'record_signature').map((event) => event.party)).toEqual([
      'host_signatory',
      'student',
    ]);
  });
});
