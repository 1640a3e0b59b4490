import type { TFunction } from 'i18next';

export interface AuditEntryText {
  /** What happened, as a sentence in the reader's language, naming the party when there is one. */
  sentence: string;
  /** The remaining details, each with a label in the reader's language, for a folded list. */
  details: { label: string; value: string }[];
}

const shownInSentence = new Set(['party']);

/**
 * An audit entry told in words: `convention.record_signature` with `party: professional_tutor` becomes
 * "Signature du tuteur de stage enregistrée"; an action without its own sentence keeps its code.
 */
export function auditEntryText(t: TFunction, entry: { action: string; details: unknown }): AuditEntryText {
  const details = entry.details && typeof entry.details === 'object' ? (entry.details as Record<string, unknown>) : {};
  const party = typeof details.party === 'string' ? details.party : null;
  const partyKey = party ? `audit.party.${party}` : null;
  const actionKey = `audit.action.${entry.action}`;
  const sentence =
    partyKey && t(`${actionKey}_party`, { defaultValue: '' })
      ? t(`${actionKey}_party`, { party: t(partyKey, { defaultValue: party! }) })
      : t(actionKey, { defaultValue: entry.action });
  const value = (raw: unknown) => (raw !== null && typeof raw === 'object' ? JSON.stringify(raw) : String(raw));
  const rows: AuditEntryText['details'] = [];
  const { fromState, toState, ...rest } = details;
  if (typeof fromState === 'string' && typeof toState === 'string')
    rows.push({
      label: t('audit.detail.state'),
      value: `${t(`office.state.${fromState}`, { defaultValue: fromState })} → ${t(`office.state.${toState}`, { defaultValue: toState })}`,
    });
  for (const [name, raw] of Object.entries(rest)) {
    if ((shownInSentence.has(name) && sentence !== entry.action) || raw === null || raw === undefined || raw === '') continue;
    rows.push({ label: t(`audit.detail.${name}`, { defaultValue: name }), value: value(raw) });
  }
  return { sentence, details: rows };
}
