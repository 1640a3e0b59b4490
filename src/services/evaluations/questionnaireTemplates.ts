import { defaultTemplates, type QuestionnaireKind } from '../../domain/evaluationDefaults';
import { evaluationTemplateSchema, type EvaluationTemplate, type LocalisedText } from '../../domain/evaluationTemplate';
import type { EditRefusal } from '../../domain/templateEditing';
import { AppError, notFound } from '../../errors';
import { auditRepository } from '../../models/auditRepository';
import type { Database, Executor } from '../../models/database';
import { evaluationTemplateRepository, type StoredTemplate } from '../../models/evaluationSettingsRepository';

export interface TemplateSummary {
  id: number;
  kind: QuestionnaireKind;
  title: LocalisedText;
  questions: number;
  usable: boolean;
}

export const isUsable = (template: EvaluationTemplate) => evaluationTemplateSchema.safeParse(template).success;

export async function listQuestionnaireTemplates(db: Executor): Promise<TemplateSummary[]> {
  return (await evaluationTemplateRepository.list(db)).map((stored) => ({
    id: stored.id,
    kind: stored.kind,
    title: stored.template.title,
    questions: stored.template.sections.reduce((sum, section) => sum + section.questions.length, 0),
    usable: isUsable(stored.template),
  }));
}

export async function questionnaireTemplate(db: Executor, id: number): Promise<StoredTemplate> {
  const stored = await evaluationTemplateRepository.find(db, id);
  if (!stored) throw notFound();
  return stored;
}

/** A new template of a kind starts as a copy (of the shipped one, or of another template of that kind). */
export async function createQuestionnaireTemplate(
  db: Database,
  input: { kind: QuestionnaireKind; copyOf: number | null; title: LocalisedText; userId: number; now: Date },
): Promise<{ id: number } | { refused: 'copyOf' }> {
  return db.transaction(async (tx) => {
    let source = defaultTemplates[input.kind];
    if (input.copyOf !== null) {
      const stored = await evaluationTemplateRepository.find(tx, input.copyOf);
      if (!stored || stored.kind !== input.kind) return { refused: 'copyOf' as const };
      source = stored.template;
    }
    const template = { ...structuredClone(source), key: 'office', title: input.title };
    const created = await evaluationTemplateRepository.create(tx, { kind: input.kind, template, createdBy: input.userId, at: input.now });
    await auditRepository.record(tx, {
      actorUserId: input.userId,
      action: 'evaluation_template.created',
      targetType: 'evaluation_template',
      targetId: created.id,
      details: { kind: input.kind, copyOf: input.copyOf },
    });
    return { id: created.id };
  });
}

/**
 * One edit of a template over the version the office's page showed: a save in between (another tab, a colleague)
 * is a conflict, not a silent overwrite. Evaluations already opened keep their own copy: an edit never changes them.
 */
export async function editQuestionnaireTemplate(
  db: Database,
  input: {
    id: number;
    version: number;
    userId: number;
    now: Date;
    action: string;
    edit: (template: EvaluationTemplate) => EvaluationTemplate | EditRefusal;
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    const stored = await questionnaireTemplate(tx, input.id);
    if (stored.version !== input.version) throw new AppError(409, 'evaluation.templates.errors.conflict');
    const edited = input.edit(stored.template);
    if (edited === 'notFound') throw notFound();
    if (edited === 'firstOrLast') return;
    if (!(await evaluationTemplateRepository.update(tx, stored.id, stored.version, edited, input.now)))
      throw new AppError(409, 'evaluation.templates.errors.conflict');
    await auditRepository.record(tx, {
      actorUserId: input.userId,
      action: `evaluation_template.${input.action}`,
      targetType: 'evaluation_template',
      targetId: stored.id,
      details: { version: stored.version + 1 },
    });
  });
}
