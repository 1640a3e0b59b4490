import { defaultThresholds, Thresholds } from '../thresholds';
import { academicYearMatchesDates, endNotBeforeStart, startNotInPast } from './dateRules';
import { abroadAnnex, mandatoryContent, programmeTeachingVolume } from './contentRules';
import { ConventionRule, ConventionRuleInput } from './conventionRuleInput';
import { declaredTotalMatchesComputed, hostYearCap } from './durationRules';
import { Finding } from './finding';
import { gratificationMinimum, gratificationPresent, gratificationRatePublished } from './gratificationRules';
import { leaveProvisions } from './leaveRules';
import { minorWorkingTime } from './minorRules';
import { unusualPresenceDescribed, workingTimeLimits } from './workingTimeRules';

/** In the order of the convention form, so findings read top to bottom. */
export const conventionRules: readonly ConventionRule[] = [
  academicYearMatchesDates,
  mandatoryContent,
  programmeTeachingVolume,
  endNotBeforeStart,
  startNotInPast,
  hostYearCap,
  declaredTotalMatchesComputed,
  workingTimeLimits,
  minorWorkingTime,
  unusualPresenceDescribed,
  gratificationPresent,
  gratificationRatePublished,
  gratificationMinimum,
  leaveProvisions,
  abroadAnnex,
];

export function evaluateConvention(input: ConventionRuleInput, thresholds: Thresholds = defaultThresholds): Finding[] {
  return conventionRules.flatMap((rule) => rule(input, thresholds));
}
