import type { EvaluationTemplate } from '../../domain/evaluationTemplate';
import type { EvaluationAnswers } from '../../domain/evaluationAnswers';
import { notFound } from '../../errors';
import { conventionRepository } from '../../models/conventionRepository';
import type { Executor } from '../../models/database';
import { evaluationRepository, type EvaluationKind } from '../../models/evaluationRepository';
import type { PdfRenderer } from '../documents/pdfRenderer';
import type { EvaluationPdfData } from '../../documents/evaluationPdf';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Each answer in words, in the language of the reader. */
export function evaluationPdfData(
  template: EvaluationTemplate,
  answers: EvaluationAnswers,
  context: { reference: string; intro: string; footer: string; language: 'fr' | 'en'; t: Translate },
): EvaluationPdfData {
  const { language, t } = context;
  return {
    title: template.title[language],
    reference: context.reference,
    intro: context.intro,
    footer: context.footer,
    sections: template.sections.map((section) => ({
      title: section.title[language],
      rows: section.questions.map((question): [string, string] => {
        const answer = answers[question.id];
        if (answer === undefined) return [question.label[language], '—'];
        if (question.kind === 'likert') return [question.label[language], `${String(answer)} / 5`];
        if (question.kind === 'yesNo') return [question.label[language], t(answer === true ? 'evaluation.yes' : 'evaluation.no')];
        if (question.kind === 'single' || question.kind === 'multiple')
          return [
            question.label[language],
            [answer]
              .flat()
              .map((value) => question.choices.find((choice) => choice.value === value)?.label[language] ?? String(value))
              .join(', '),
          ];
        return [question.label[language], String(answer)];
      }),
    })),
  };
}

/** A submitted questionnaire of a convention, printable (the office's results per convention). */
export async function evaluationPdfFor(
  db: Executor,
  conventionId: number,
  kind: EvaluationKind,
  context: { language: 'fr' | 'en'; t: Translate; renderer: PdfRenderer; date: string },
): Promise<{ bytes: Buffer; filename: string }> {
  const convention = await conventionRepository.findById(db, conventionId);
  const evaluation = convention ? await evaluationRepository.find(db, conventionId, kind) : undefined;
  if (!convention || !evaluation || evaluation.status !== 'submitted') throw notFound();
  const reference = convention.reference ?? String(convention.id);
  const data = evaluationPdfData(evaluation.template, evaluation.answers, {
    reference,
    intro: `${convention.student.firstName} ${convention.student.lastName} — ${context.t('evaluation.kinds.' + kind)}`,
    footer: context.t('evaluation.pdfFooter', { date: context.date }),
    language: context.language,
    t: context.t,
  });
  const bytes = await context.renderer.render('evaluation', [data, context.language]);
  return { bytes, filename: `evaluation-${kind}-${reference}.pdf` };
}
