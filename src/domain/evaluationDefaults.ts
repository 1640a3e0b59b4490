import { defaultStudentTemplate, defaultTutorTemplate, type EvaluationTemplate } from './evaluationTemplate';

export type QuestionnaireKind = 'tutor' | 'student' | 'referent';
export const questionnaireKinds: readonly QuestionnaireKind[] = ['tutor', 'student', 'referent'];

/** The academic referent's evaluation (their visit or their reading of the report), shipped by default. */
export const defaultReferentTemplate: EvaluationTemplate = {
  key: 'default-referent-1',
  title: { fr: 'Évaluation du stage par l’enseignant référent', en: "The academic tutor's evaluation" },
  sections: [
    {
      title: { fr: 'Suivi', en: 'Follow-up' },
      questions: [
        {
          id: 'followUp',
          kind: 'single',
          required: true,
          label: { fr: 'Forme du suivi', en: 'How the internship was followed' },
          choices: [
            { value: 'visit', label: { fr: 'Visite sur place', en: 'Visit on site' } },
            { value: 'remote', label: { fr: 'Entretien à distance', en: 'Remote meeting' } },
            { value: 'report', label: { fr: 'Lecture du rapport', en: 'Reading of the report' } },
          ],
        },
        {
          id: 'missionsFit',
          kind: 'yesNo',
          required: true,
          label: { fr: 'Les missions correspondent-elles à la formation ?', en: 'Do the missions fit the programme?' },
        },
      ],
    },
    {
      title: { fr: 'Appréciation', en: 'Appreciation' },
      questions: [
        {
          id: 'report',
          kind: 'likert',
          required: true,
          label: { fr: 'Qualité du rapport ou de la soutenance', en: 'Quality of the report or defence' },
        },
        { id: 'overall', kind: 'likert', required: true, label: { fr: 'Appréciation générale', en: 'Overall appreciation' } },
        { id: 'comment', kind: 'text', required: false, label: { fr: 'Commentaire', en: 'Comment' } },
      ],
    },
  ],
};

export const defaultTemplates: Record<QuestionnaireKind, EvaluationTemplate> = {
  tutor: defaultTutorTemplate,
  student: defaultStudentTemplate,
  referent: defaultReferentTemplate,
};

/** The tutor's evaluation opens this many days before the last day unless the programme says otherwise. */
export const DEFAULT_TUTOR_DAYS_BEFORE = 10;
/** The most a programme may choose: the scheduler looks this far ahead. */
export const MAX_TUTOR_DAYS_BEFORE = 60;

export interface EvaluationPolicy {
  tutorDaysBefore: number;
  /** The intern reads the tutor's evaluation in their space once it is submitted. */
  internSeesTutorEvaluation: boolean;
  /** Later students of the programme see the averaged evaluations of a host by earlier students. */
  shareHostRatings: boolean;
  /** The tutor's mark (the template's graded question) is posted to the LMS gradebook. */
  postGrade: boolean;
}

export const defaultPolicy: EvaluationPolicy = {
  tutorDaysBefore: DEFAULT_TUTOR_DAYS_BEFORE,
  internSeesTutorEvaluation: false,
  shareHostRatings: false,
  postGrade: false,
};
