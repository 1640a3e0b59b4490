import type { Config } from '../../config';
import { parisDateOf } from '../../clock';
import { addDays } from '../../domain/calendarDate';
import { DEFAULT_TUTOR_DAYS_BEFORE, MAX_TUTOR_DAYS_BEFORE } from '../../domain/evaluationDefaults';
import { internshipStateOn, nextInternshipState, tutorEvaluationOpensOn } from '../../domain/internshipState';
import { enqueueNotification } from '../../mail/enqueueNotification';
import { conventionRepository } from '../../models/conventionRepository';
import type { Executor } from '../../models/database';
import { evaluationRepository, internshipProgressRepository } from '../../models/evaluationRepository';
import { userRepository } from '../../models/userRepository';
import { studentPath } from '../office/officeCommand';
import { signatoryAddresses } from '../signature/signatoryAddresses';
import { mailHostSpaceLink } from './hostSpaceLink';
import { programmeEvaluationSetup, templateForProgramme } from './programmeEvaluationPolicy';

/** The tutor's evaluation opens this many days before the internship's last day (the programme may choose). */
export const TUTOR_EVALUATION_DAYS_BEFORE = DEFAULT_TUTOR_DAYS_BEFORE;
/** How long after its planned end an internship is still followed (states, evaluations, the office's page). */
export const FOLLOWED_DAYS_AFTER_END = 365;

export interface EndOfInternshipContext {
  config: Config;
  now: Date;
}

export const studentEvaluationPath = (conventionId: number) => `${studentPath(conventionId)}/evaluation`;

/**
 * The required evaluations: the tutor's of the intern and the student's of the host (L124-4). The academic
 * referent's is asked for too, but an internship is evaluated without it (a referent may have no Pstage account).
 */
export const evaluationsIn = (rows: { kind: string; status: string }[]) =>
  (['tutor', 'student'] as const).every((kind) => rows.some((row) => row.kind === kind && row.status === 'submitted'));

/**
 * One pass over the started internships, in the scheduler's locked transaction: opens the tutor's evaluation N days
 * before the end (and mails their link), the student's at the end, and moves each internship's state forward. Every
 * step is idempotent (one questionnaire per kind, dedupe keys on the mails, states only move forward).
 */
export async function advanceInternships(tx: Executor, context: EndOfInternshipContext): Promise<number> {
  const today = parisDateOf(context.now);
  // Those that start within the longest window a programme may choose are listed too: a short internship may open
  // its tutor's evaluation before it starts. Internships that ended long ago and were never evaluated are left
  // alone: the pass stays bounded.
  const started = await internshipProgressRepository.listStarted(
    tx,
    addDays(today, MAX_TUTOR_DAYS_BEFORE),
    addDays(today, -FOLLOWED_DAYS_AFTER_END),
  );
  let changes = 0;
  for (const row of started) {
    if (!row.endDate || row.internshipState === 'evaluated') continue;
    const lastDay = row.actualEndDate ?? row.endDate;
    const convention = (await conventionRepository.findById(tx, row.id))!;
    const { tutorDaysBefore } = await programmeEvaluationSetup(tx, row.programmeId);
    if (today >= tutorEvaluationOpensOn(lastDay, tutorDaysBefore) && !(await evaluationRepository.find(tx, row.id, 'tutor'))) {
      const opened = await evaluationRepository.open(tx, {
        conventionId: row.id,
        kind: 'tutor',
        template: await templateForProgramme(tx, row.programmeId, 'tutor'),
        openedAt: context.now,
      });
      if (opened) {
        const tutor = (await signatoryAddresses(tx, convention, context.config)).get('professional_tutor');
        if (tutor?.email)
          await mailHostSpaceLink(
            tx,
            convention,
            { name: tutor.name, email: tutor.email },
            { encryptionKey: context.config.encryptionKey, now: context.now, lastDay },
          );
        changes++;
      }
      // The academic referent reports their visit or their reading of the report from their panel, from the same day.
      if (convention.academicTutorId !== null && !(await evaluationRepository.find(tx, row.id, 'referent'))) {
        const template = await templateForProgramme(tx, row.programmeId, 'referent');
        if (await evaluationRepository.open(tx, { conventionId: row.id, kind: 'referent', template, openedAt: context.now })) changes++;
      }
    }
    if (today >= lastDay && !(await evaluationRepository.find(tx, row.id, 'student'))) {
      const opened = await evaluationRepository.open(tx, {
        conventionId: row.id,
        kind: 'student',
        template: await templateForProgramme(tx, row.programmeId, 'student'),
        openedAt: context.now,
      });
      if (opened) {
        const student = await userRepository.findById(tx, row.studentUserId);
        await enqueueNotification(tx, {
          template: 'studentEvaluationOpened',
          to: { email: row.student.email, name: `${row.student.firstName} ${row.student.lastName}`, locale: student?.locale },
          data: { reference: row.reference ?? '', organisationName: row.organisationName ?? '', path: studentEvaluationPath(row.id) },
          dedupeKey: `studentEvaluationOpened:${opened.id}`,
        });
        changes++;
      }
    }
    if (await moveInternshipState(tx, convention.id, context.now, today)) changes++;
  }
  return changes;
}

/** Moves one internship's state to what its dates and evaluations say (forward only); true when it moved. */
export async function moveInternshipState(
  tx: Executor,
  conventionId: number,
  now: Date,
  today: string = parisDateOf(now),
): Promise<boolean> {
  const convention = await conventionRepository.findById(tx, conventionId);
  if (!convention) return false;
  const current = await internshipProgressRepository.find(tx, conventionId);
  const evaluations = await evaluationRepository.listForConventions(tx, [conventionId]);
  const computed = internshipStateOn(
    {
      conventionState: convention.state,
      startDate: convention.startDate,
      endDate: convention.endDate,
      actualEndDate: convention.actualEndDate,
      evaluationsIn: evaluationsIn(evaluations),
    },
    today,
  );
  const next = nextInternshipState(current, computed);
  if (!next) return false;
  await internshipProgressRepository.set(tx, conventionId, next, now);
  return true;
}
