import { addDays } from '../../domain/calendarDate';
import { FOLLOWED_DAYS_AFTER_END } from './advanceInternships';
import { aggregateResults, type GroupResult } from '../../domain/evaluationResults';
import { defaultTemplates } from '../../domain/evaluationDefaults';
import type { EvaluationTemplate, LocalisedText } from '../../domain/evaluationTemplate';
import { csvByteOrderMark, csvRow, frenchDate } from '../../domain/csv';
import { formatSpreadsheetNumber } from '../../format';
import type { Executor } from '../../models/database';
import {
  evaluationRepository,
  hostAttestationRepository,
  internshipProgressRepository,
  type Evaluation,
  type EvaluationKind,
} from '../../models/evaluationRepository';

export type EvaluationStatus = 'notOpen' | 'draft' | 'answered';

export interface OverviewRow {
  id: number;
  reference: string | null;
  studentName: string;
  programmeTitle: string;
  organisationName: string;
  endDate: string | null;
  internshipState: string | null;
  tutor: EvaluationStatus;
  student: EvaluationStatus;
  referent: EvaluationStatus;
  /** The attestation: received from the host, recorded by the office, or missing once the last day has passed. */
  attestation: 'done' | 'missing' | 'notYet';
}

const statusOf = (evaluation: Evaluation | undefined): EvaluationStatus =>
  !evaluation ? 'notOpen' : evaluation.status === 'submitted' ? 'answered' : 'draft';

/** The office's view of the started internships: who answered, which attestations are missing. */
export async function evaluationOverview(db: Executor, today: string): Promise<OverviewRow[]> {
  const rows = await internshipProgressRepository.listStarted(db, today, addDays(today, -FOLLOWED_DAYS_AFTER_END));
  const ids = rows.map((row) => row.id);
  const evaluations = await evaluationRepository.listForConventions(db, ids);
  const attestations = new Set((await hostAttestationRepository.listFor(db, ids)).map((row) => row.conventionId));
  const find = (id: number, kind: EvaluationKind) => evaluations.find((row) => row.conventionId === id && row.kind === kind);
  return rows.map((row) => {
    const lastDay = row.actualEndDate ?? row.endDate;
    const recorded = attestations.has(row.id) || row.effectiveHours !== null;
    return {
      id: row.id,
      reference: row.reference,
      studentName: `${row.student.firstName} ${row.student.lastName}`,
      programmeTitle: row.programmeTitle,
      organisationName: row.organisationName ?? '',
      endDate: lastDay,
      internshipState: row.internshipState,
      tutor: statusOf(find(row.id, 'tutor')),
      student: statusOf(find(row.id, 'student')),
      referent: statusOf(find(row.id, 'referent')),
      attestation: recorded ? 'done' : lastDay && today > lastDay ? 'missing' : 'notYet',
    };
  });
}

export interface EvaluationResults {
  kind: EvaluationKind;
  /** The questionnaires answered for this kind, newest first: results are never mixed across two of them. */
  templates: { key: string; title: LocalisedText }[];
  templateKey: string;
  byProgramme: GroupResult[];
  byHost: GroupResult[];
}

/**
 * Averages of the submitted questionnaires of one kind and one template (the one asked for, else the default or,
 * without answers to it, the latest answered), per programme and per host. The template's questions are those of
 * the latest evaluation answered with it: an office's template edited since shows the questions as last asked.
 */
export async function evaluationResults(
  db: Executor,
  kind: EvaluationKind,
  today: string,
  options: { programmeId?: number; templateKey?: string } = {},
): Promise<EvaluationResults> {
  const rows = (await internshipProgressRepository.listStarted(db, today, addDays(today, -FOLLOWED_DAYS_AFTER_END))).filter(
    (row) => options.programmeId === undefined || row.programmeId === options.programmeId,
  );
  const submitted = (
    await evaluationRepository.listForConventions(
      db,
      rows.map((row) => row.id),
    )
  ).filter((evaluation) => evaluation.kind === kind && evaluation.status === 'submitted');
  const latest = new Map<string, EvaluationTemplate>();
  for (const evaluation of [...submitted].sort((a, b) => b.id - a.id))
    if (!latest.has(evaluation.template.key)) latest.set(evaluation.template.key, evaluation.template);
  const fallback = defaultTemplates[kind];
  const templateKey =
    options.templateKey && latest.has(options.templateKey)
      ? options.templateKey
      : latest.has(fallback.key) || latest.size === 0
        ? fallback.key
        : [...latest.keys()][0];
  const template = latest.get(templateKey) ?? fallback;
  const byId = new Map(rows.map((row) => [row.id, row]));
  const answers = submitted
    .filter((evaluation) => evaluation.template.key === templateKey)
    .map((evaluation) => ({ row: byId.get(evaluation.conventionId)!, answers: evaluation.answers }));
  return {
    kind,
    templates: [...latest.entries()].map(([key, shown]) => ({ key, title: shown.title })),
    templateKey,
    byProgramme: aggregateResults(
      template,
      answers.map(({ row, answers }) => ({ groupKey: `p${row.programmeId}`, groupLabel: row.programmeTitle, answers })),
    ),
    byHost: aggregateResults(
      template,
      answers.map(({ row, answers }) => ({ groupKey: `h${row.organisationId}`, groupLabel: row.organisationName ?? '', answers })),
    ),
  };
}

/** The results for French Excel: BOM, `;`, one row per group and question, averages with a decimal comma. */
export function evaluationResultsCsv(results: EvaluationResults, today: string): string {
  const lines = [csvRow(['Regroupement', 'Groupe', 'Question', 'Type', 'Réponses', 'Moyenne', 'Questionnaires', 'Date'])];
  const add = (grouping: string, groups: GroupResult[]) => {
    for (const group of groups)
      for (const question of group.questions)
        lines.push(
          csvRow([
            grouping,
            group.label,
            question.label.fr,
            question.kind,
            question.count,
            question.average === null ? '' : formatSpreadsheetNumber(question.average, 2),
            group.responses,
            frenchDate(today),
          ]),
        );
  };
  add('Formation', results.byProgramme);
  add('Organisme', results.byHost);
  return csvByteOrderMark + lines.join('');
}
