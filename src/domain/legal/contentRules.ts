import { ConventionRule } from './conventionRuleInput';
import { error, Finding, warning } from './finding';

type TextField = 'programmeTitle' | 'skills' | 'activities' | 'professionalTutorName' | 'academicTutorName' | 'hostSignatoryName';

const MANDATORY_TEXT_FIELDS: readonly TextField[] = [
  'programmeTitle',
  'skills',
  'activities',
  'professionalTutorName',
  'academicTutorName',
  'hostSignatoryName',
];

/** D124-4: each missing mandatory item is an error on its own field, keyed 'legal.missing.<field>'. */
export const mandatoryContent: ConventionRule = (input) => {
  const findings: Finding[] = MANDATORY_TEXT_FIELDS.filter((field) => isBlank(input[field])).map((field) =>
    error(`legal.missing.${field}`, {}, field),
  );
  if (input.programmeTeachingHours === null) {
    findings.push(error('legal.missing.programmeTeachingHours', {}, 'programmeTeachingHours'));
  }
  // A minor's legal representative is a party to the convention (LEGAL.md "Signatories").
  if (input.isMinor && isBlank(input.legalRepresentativeName)) {
    findings.push(error('legal.missing.legalRepresentative', {}, 'legalRepresentative'));
  }
  return findings;
};

/** L124-1, D124-2: the programme must have at least 200 h of teaching a year, internship excluded. */
export const programmeTeachingVolume: ConventionRule = (input, thresholds) => {
  const hours = input.programmeTeachingHours;
  const min = thresholds.programme.minTeachingHoursPerYear;
  return hours !== null && hours < min ? [error('legal.programmeTeachingHoursTooLow', { hours, min }, 'programmeTeachingHours')] : [];
};

/** A sheet on the host country's rules must be annexed to a convention abroad. */
export const abroadAnnex: ConventionRule = (input) =>
  input.abroad ? [warning('legal.abroadAnnexRequired', { country: input.country ?? '' }, 'country')] : [];

function isBlank(value: string | null): boolean {
  return !value?.trim();
}
