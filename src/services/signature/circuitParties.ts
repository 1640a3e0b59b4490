import type { Signatory } from '../../domain/signatories';
import type { ConventionParty } from '../../mail/notificationTypes';

const mailParty: Record<Signatory, ConventionParty> = {
  student: 'student',
  legal_representative: 'legalRepresentative',
  host_signatory: 'hostSignatory',
  professional_tutor: 'professionalTutor',
  academic_tutor: 'academicTutor',
  dean: 'dean',
};

/** The party as the mails name it. */
export const mailPartyOf = (party: Signatory): ConventionParty => mailParty[party];
