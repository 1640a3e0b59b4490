/** E blocks submission and validation; W is shown to the student and the office; I is printed where relevant. */
export type Severity = 'E' | 'W' | 'I';

export interface Finding {
  /** i18n message key, e.g. 'legal.gratificationMissing'. */
  code: string;
  severity: Severity;
  params: Record<string, string | number>;
  /** The form field the finding concerns, when there is one. */
  field?: string;
  /** The office may accept it with a recorded reason. Always true for W and I. */
  overridable: boolean;
}

export function error(code: string, params: Finding['params'] = {}, field?: string, overridable = false): Finding {
  return { code, severity: 'E', params, ...(field ? { field } : {}), overridable };
}

export function warning(code: string, params: Finding['params'] = {}, field?: string): Finding {
  return { code, severity: 'W', params, ...(field ? { field } : {}), overridable: true };
}

/**
 * True while an E finding stands. Errors are lifted only when every one of them is overridable
 * and a non-blank override reason is given; warnings never block.
 */
export function hasBlockingErrors(findings: readonly Finding[], overrideReason?: string): boolean {
  const errors = findings.filter((finding) => finding.severity === 'E');
  if (errors.length === 0) return false;
  const overridden = Boolean(overrideReason?.trim()) && errors.every((finding) => finding.overridable);
  return !overridden;
}

/** E findings the office cannot override, even with a reason. */
export function unoverridableErrors(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.severity === 'E' && !finding.overridable);
}
