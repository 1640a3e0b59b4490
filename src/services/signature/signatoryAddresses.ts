import type { Signatory } from '../../domain/signatories';
import type { Config } from '../../config';
import type { Convention } from '../../models/conventionRepository';
import type { Executor } from '../../models/database';
import { partiesOf } from '../documents/conventionDocumentData';

export interface SignatoryAddress {
  party: Signatory;
  name: string;
  /** null: no e-mail known, this signatory signs on paper (recorded by the office). */
  email: string | null;
}

const fullName = (person: { firstName: string; lastName: string } | null | undefined) =>
  person ? `${person.firstName} ${person.lastName}`.trim() : '';

/** Who each signatory of the convention is, as printed on the validated (frozen) convention. */
export async function signatoryAddresses(db: Executor, convention: Convention, config: Config): Promise<Map<Signatory, SignatoryAddress>> {
  const frozen = await partiesOf(db, convention, 'frozen');
  const guardian = convention.legalRepresentative;
  const rows: SignatoryAddress[] = [
    { party: 'student', name: fullName(convention.student), email: convention.student.email || null },
    { party: 'legal_representative', name: fullName(guardian), email: guardian?.email || null },
    { party: 'host_signatory', name: fullName(frozen.signatory), email: frozen.signatory?.email || null },
    { party: 'professional_tutor', name: fullName(frozen.professionalTutor), email: frozen.professionalTutor?.email || null },
    { party: 'academic_tutor', name: fullName(frozen.academicTutor), email: frozen.academicTutor?.email || null },
    { party: 'dean', name: fullName(config.institution.dean), email: config.signature.deanEmail ?? null },
  ];
  return new Map(rows.map((row) => [row.party, row]));
}
