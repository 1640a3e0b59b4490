export { evaluateConvention, conventionRules } from './legal/evaluateConvention';
export { hasBlockingErrors, unoverridableErrors } from './legal/finding';
export type { Finding, Severity } from './legal/finding';
export type { ConventionRule, ConventionRuleInput, GratificationUnit } from './legal/conventionRuleInput';
export { conventionHours, hostCumulationOf } from './legal/conventionRuleInput';
export { gratificationIsMandatory } from './legal/gratificationRules';
