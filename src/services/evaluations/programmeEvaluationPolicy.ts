import { defaultPolicy, defaultTemplates, type EvaluationPolicy, type QuestionnaireKind } from '../../domain/evaluationDefaults';
import { evaluationTemplateSchema, type EvaluationTemplate } from '../../domain/evaluationTemplate';
import { auditRepository } from '../../models/auditRepository';
import type { Database, Executor } from '../../models/database';
import {
  evaluationTemplateRepository,
  programmeEvaluationSettingsRepository,
  type ProgrammeEvaluationChoices,
} from '../../models/evaluationSettingsRepository';

const templateColumn = { tutor: 'tutorTemplateId', student: 'studentTemplateId', referent: 'referentTemplateId' } as const;

export interface ProgrammeEvaluationSetup extends EvaluationPolicy {
  templateIds: Record<QuestionnaireKind, number | null>;
}

/** What a programme chose for the end of its internships, the defaults where it chose nothing. */
export async function programmeEvaluationSetup(db: Executor, programmeId: number): Promise<ProgrammeEvaluationSetup> {
  const row = await programmeEvaluationSettingsRepository.find(db, programmeId);
  if (!row) return { ...defaultPolicy, templateIds: { tutor: null, student: null, referent: null } };
  return {
    tutorDaysBefore: row.tutorDaysBefore,
    internSeesTutorEvaluation: row.internSeesTutorEvaluation,
    shareHostRatings: row.shareHostRatings,
    postGrade: row.postGrade,
    templateIds: { tutor: row.tutorTemplateId, student: row.studentTemplateId, referent: row.referentTemplateId },
  };
}

/** A stored template as evaluations use it: its key names the row, so results never mix two templates. */
export const storedTemplateKey = (id: number) => `office-${id}`;

/**
 * The questionnaire a programme's evaluation of this kind opens with: the office's template the programme picked
 * (as it stands today; the evaluation keeps its own copy), or the default one.
 */
export async function templateForProgramme(db: Executor, programmeId: number, kind: QuestionnaireKind): Promise<EvaluationTemplate> {
  const id = (await programmeEvaluationSetup(db, programmeId)).templateIds[kind];
  const stored = id === null ? undefined : await evaluationTemplateRepository.find(db, id);
  const parsed = stored ? evaluationTemplateSchema.safeParse({ ...stored.template, key: storedTemplateKey(stored.id) }) : undefined;
  return parsed?.success ? parsed.data : defaultTemplates[kind];
}

export type TemplateField = (typeof templateColumn)[QuestionnaireKind];

/**
 * The programme head saves the programme's choices; a template of another kind (or not usable as it stands) is
 * refused: the field it was chosen in comes back, nothing is saved.
 */
export async function saveProgrammeEvaluationSetup(
  db: Database,
  input: { programmeId: number; userId: number; now: Date; choices: ProgrammeEvaluationChoices },
): Promise<{ refused: TemplateField } | null> {
  return db.transaction(async (tx) => {
    for (const kind of Object.keys(templateColumn) as QuestionnaireKind[]) {
      const id = input.choices[templateColumn[kind]];
      if (id === null) continue;
      const stored = await evaluationTemplateRepository.find(tx, id);
      if (!stored || stored.kind !== kind || !evaluationTemplateSchema.safeParse(stored.template).success)
        return { refused: templateColumn[kind] };
    }
    await programmeEvaluationSettingsRepository.save(tx, input.programmeId, input.choices, input.userId, input.now);
    await auditRepository.record(tx, {
      actorUserId: input.userId,
      action: 'programme.evaluation_settings',
      targetType: 'programme',
      targetId: input.programmeId,
      details: { ...input.choices },
    });
    return null;
  });
}

/** The office's templates a programme may pick, per kind: only those complete enough to be answered. */
export async function usableTemplates(
  db: Executor,
): Promise<Record<QuestionnaireKind, { id: number; title: EvaluationTemplate['title'] }[]>> {
  const usable: Record<QuestionnaireKind, { id: number; title: EvaluationTemplate['title'] }[]> = { tutor: [], student: [], referent: [] };
  for (const stored of await evaluationTemplateRepository.list(db))
    if (evaluationTemplateSchema.safeParse(stored.template).success)
      usable[stored.kind].push({ id: stored.id, title: stored.template.title });
  return usable;
}
