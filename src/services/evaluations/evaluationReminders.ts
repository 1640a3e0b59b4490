import type { Config } from '../../config';
import { parisDateOf } from '../../clock';
import { enqueueNotification } from '../../mail/enqueueNotification';
import { conventionRepository } from '../../models/conventionRepository';
import type { Executor } from '../../models/database';
import { evaluationRepository } from '../../models/evaluationRepository';
import { organisationRepository } from '../../models/organisationRepository';
import { signatoryAddresses } from '../signature/signatoryAddresses';
import { studentEvaluationPath } from './advanceInternships';
import { mailHostSpaceLink } from './hostSpaceLink';

const WEEK = 7 * 24 * 60 * 60 * 1000;

/** Unanswered questionnaires are reminded at most once a week; a submitted one never (it is no longer a draft). */
export async function enqueueEvaluationReminders(tx: Executor, context: { config: Config; now: Date }): Promise<number> {
  const weekAgo = new Date(context.now.getTime() - WEEK);
  let sent = 0;
  for (const evaluation of await evaluationRepository.listToRemind(tx, weekAgo, weekAgo)) {
    const convention = await conventionRepository.findById(tx, evaluation.conventionId);
    if (!convention || convention.state !== 'complete') continue;
    const lastDay = convention.actualEndDate ?? convention.endDate ?? parisDateOf(context.now);
    if (evaluation.kind === 'tutor') {
      const tutor = (await signatoryAddresses(tx, convention, context.config)).get('professional_tutor');
      if (!tutor?.email) continue;
      await mailHostSpaceLink(
        tx,
        convention,
        { name: tutor.name, email: tutor.email },
        { encryptionKey: context.config.encryptionKey, now: context.now, lastDay },
        { at: context.now },
      );
    } else {
      const organisation = convention.organisationId ? await organisationRepository.findById(tx, convention.organisationId) : undefined;
      await enqueueNotification(tx, {
        template: 'studentEvaluationOpened',
        to: { email: convention.student.email, name: `${convention.student.firstName} ${convention.student.lastName}` },
        data: {
          reference: convention.reference ?? '',
          organisationName: organisation?.name ?? '',
          reminder: true,
          path: studentEvaluationPath(convention.id),
        },
        dedupeKey: `studentEvaluationReminder:${evaluation.id}:${context.now.toISOString().slice(0, 10)}`,
      });
    }
    await evaluationRepository.markReminded(tx, evaluation.id, context.now);
    sent++;
  }
  return sent;
}
