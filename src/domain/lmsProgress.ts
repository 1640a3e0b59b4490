import { formatLongDate } from '../format';
import type { ConventionState } from './workflow';

export type SubjectProgressState = 'proposed' | 'validated' | 'rejected' | null;
export type ActivityProgress = 'Initialized' | 'Started' | 'InProgress' | 'Submitted' | 'Completed';
export type GradingProgress = 'FullyGraded' | 'Pending' | 'PendingManual' | 'Failed' | 'NotReady';

/** Where a student stands in the workflow, as the LMS gradebook shows it. */
export type ProgressStage =
  | 'nothing'
  | 'subjectProposed'
  | 'subjectRejected'
  | 'subjectValidated'
  | 'conventionDraft'
  | 'conventionCancelled'
  | 'conventionSubmitted'
  | 'conventionValidated'
  | 'conventionSigned'
  | 'conventionComplete';

/** Nothing, subject proposed, subject validated, convention submitted, validated by the office, signed, complete. */
export const progressScoreMaximum = 6;

const stageScores: Record<ProgressStage, number> = {
  nothing: 0,
  // A rejected subject sends the student back to proposing one: nothing is agreed yet.
  subjectRejected: 0,
  subjectProposed: 1,
  subjectValidated: 2,
  conventionSubmitted: 3,
  conventionValidated: 4,
  conventionSigned: 5,
  conventionComplete: 6,
  // A draft (or a convention returned by the office) and a cancelled one count what the subject counts.
  conventionDraft: -1,
  conventionCancelled: -1,
};

const conventionStages: Record<ConventionState, ProgressStage> = {
  draft: 'conventionDraft',
  submitted: 'conventionSubmitted',
  validated: 'conventionValidated',
  signed_by_parties: 'conventionSigned',
  complete: 'conventionComplete',
  cancelled: 'conventionCancelled',
};

const subjectStages: Record<'proposed' | 'validated' | 'rejected', ProgressStage> = {
  proposed: 'subjectProposed',
  validated: 'subjectValidated',
  rejected: 'subjectRejected',
};

export interface ProgressStates {
  subjectState: SubjectProgressState;
  conventionState: ConventionState | null;
  /** The convention's latest amendment once validated: the state stays, the comment says it. */
  amendment?: { number: number; state: 'validated' | 'signed' } | null;
}

export function progressStage({ subjectState, conventionState }: ProgressStates): ProgressStage {
  if (conventionState) return conventionStages[conventionState];
  return subjectState ? subjectStages[subjectState] : 'nothing';
}

export interface LmsScore {
  stage: ProgressStage;
  scoreGiven: number;
  scoreMaximum: number;
  activityProgress: ActivityProgress;
  gradingProgress: GradingProgress;
}

/**
 * The score posted to the LMS for a student's subject and convention states: it grows with the workflow.
 *
 * gradingProgress is `FullyGraded` at every stage, not only once complete: Moodle's gradebook services
 * (mod/lti/service/gradebookservices/classes/local/resources/scores.php) set `scoreGiven` to null unless
 * gradingProgress is `FullyGraded`, which would erase the grade and show nothing until the very end.
 * Each score is final for the state it describes; `activityProgress` says whether the journey is over.
 */
export function lmsScore(states: ProgressStates): LmsScore {
  const stage = progressStage(states);
  const subjectScore = stageScores[progressStage({ ...states, conventionState: null })];
  const scoreGiven = stageScores[stage] >= 0 ? stageScores[stage] : subjectScore;
  return {
    stage,
    scoreGiven,
    scoreMaximum: progressScoreMaximum,
    activityProgress: activityProgressOf(stage, scoreGiven),
    gradingProgress: 'FullyGraded',
  };
}

function activityProgressOf(stage: ProgressStage, scoreGiven: number): ActivityProgress {
  if (stage === 'conventionComplete') return 'Completed';
  if (stage === 'conventionSubmitted' || stage === 'conventionValidated' || stage === 'conventionSigned') return 'Submitted';
  if (stage === 'nothing') return 'Initialized';
  return scoreGiven >= stageScores.subjectValidated ? 'InProgress' : 'Started';
}

export type ProgressLocale = 'fr' | 'en';
export type ProgressTranslate = (key: string, params?: Record<string, unknown>) => string;

/**
 * The comment Moodle stores as the grade's feedback: the stage's label and the date of the change, in the
 * student's language. A convention that moves on while the subject still waits for the programme says so.
 */
export function progressComment(states: ProgressStates, changedAt: Date, locale: ProgressLocale, t: ProgressTranslate): string {
  const stage = progressStage(states);
  const date = formatLongDate(changedAt, locale);
  const main = t(`progress.comment.stage`, { label: t(`progress.stage.${stage}`), date });
  const subjectPending =
    stage.startsWith('convention') && stage !== 'conventionComplete' && states.subjectState !== null && states.subjectState !== 'validated';
  const withSubject = subjectPending ? `${main} ${t(`progress.comment.subject.${states.subjectState}`)}` : main;
  const amendment = states.amendment && stage.startsWith('convention') && stage !== 'conventionCancelled' ? states.amendment : null;
  return amendment ? `${withSubject} ${t(`progress.comment.amendment.${amendment.state}`, { number: amendment.number })}` : withSubject;
}
