import { and, asc, eq } from 'drizzle-orm';
import type { EvaluationTemplate } from '../domain/evaluationTemplate';
import type { Executor } from './database';
import { evaluationTemplates, programmeEvaluationSettings } from './schema';

export type StoredTemplate = typeof evaluationTemplates.$inferSelect;
export type TemplateKind = StoredTemplate['kind'];
export type ProgrammeEvaluationSettings = typeof programmeEvaluationSettings.$inferSelect;
export type ProgrammeEvaluationChoices = Omit<ProgrammeEvaluationSettings, 'programmeId' | 'updatedBy' | 'updatedAt' | 'gradeLineItemUrl'>;

export const evaluationTemplateRepository = {
  async create(db: Executor, row: { kind: TemplateKind; template: EvaluationTemplate; createdBy: number; at: Date }) {
    const [created] = await db
      .insert(evaluationTemplates)
      .values({ kind: row.kind, template: row.template, createdBy: row.createdBy, updatedAt: row.at })
      .returning();
    return created;
  },
  async find(db: Executor, id: number): Promise<StoredTemplate | undefined> {
    const [row] = await db.select().from(evaluationTemplates).where(eq(evaluationTemplates.id, id));
    return row;
  },
  async list(db: Executor, kind?: TemplateKind): Promise<StoredTemplate[]> {
    return db
      .select()
      .from(evaluationTemplates)
      .where(kind ? eq(evaluationTemplates.kind, kind) : undefined)
      .orderBy(asc(evaluationTemplates.kind), asc(evaluationTemplates.id));
  },
  /** Optimistic: only over the version the editor showed; false when someone saved in between. */
  async update(db: Executor, id: number, version: number, template: EvaluationTemplate, at: Date): Promise<boolean> {
    const rows = await db
      .update(evaluationTemplates)
      .set({ template, version: version + 1, updatedAt: at })
      .where(and(eq(evaluationTemplates.id, id), eq(evaluationTemplates.version, version)))
      .returning({ id: evaluationTemplates.id });
    return rows.length === 1;
  },
};

export const programmeEvaluationSettingsRepository = {
  async find(db: Executor, programmeId: number): Promise<ProgrammeEvaluationSettings | undefined> {
    const [row] = await db.select().from(programmeEvaluationSettings).where(eq(programmeEvaluationSettings.programmeId, programmeId));
    return row;
  },
  /** Held until the transaction ends: two deliveries never create the grade column twice. */
  async findForUpdate(db: Executor, programmeId: number): Promise<ProgrammeEvaluationSettings | undefined> {
    const [row] = await db
      .select()
      .from(programmeEvaluationSettings)
      .where(eq(programmeEvaluationSettings.programmeId, programmeId))
      .for('update');
    return row;
  },
  async setGradeLineItemUrl(db: Executor, programmeId: number, url: string | null): Promise<void> {
    await db
      .update(programmeEvaluationSettings)
      .set({ gradeLineItemUrl: url })
      .where(eq(programmeEvaluationSettings.programmeId, programmeId));
  },
  async save(db: Executor, programmeId: number, choices: ProgrammeEvaluationChoices, by: number, at: Date): Promise<void> {
    const values = { ...choices, updatedBy: by, updatedAt: at };
    await db
      .insert(programmeEvaluationSettings)
      .values({ programmeId, ...values })
      .onConflictDoUpdate({ target: programmeEvaluationSettings.programmeId, set: values });
  },
};
