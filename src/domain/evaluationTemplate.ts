import { z } from 'zod';

/** A label in both languages of Pstage: French users first, English from the launch locale. */
const text = z.object({ fr: z.string().trim().min(1), en: z.string().trim().min(1) });
export type LocalisedText = z.infer<typeof text>;

const base = { id: z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/), label: text, required: z.boolean() };
const choices = z.array(z.object({ value: z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/), label: text })).min(2);

export const questionSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('likert') }),
  z.object({ ...base, kind: z.literal('yesNo') }),
  z.object({ ...base, kind: z.literal('single'), choices }),
  z.object({ ...base, kind: z.literal('multiple'), choices }),
  z.object({ ...base, kind: z.literal('text') }),
]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionKind = Question['kind'];

export const evaluationTemplateSchema = z
  .object({
    key: z.string().min(1),
    title: text,
    sections: z.array(z.object({ title: text, questions: z.array(questionSchema).min(1) })).min(1),
    /** The Likert question whose mark may be posted to the LMS gradebook (the tutor's overall appreciation). */
    gradeQuestionId: z.string().optional(),
  })
  .superRefine((template, context) => {
    const questions = template.sections.flatMap((section) => section.questions);
    const ids = questions.map((question) => question.id);
    for (const [index, id] of ids.entries())
      if (ids.indexOf(id) !== index) context.addIssue({ code: 'custom', message: 'evaluation.errors.duplicateQuestion', params: { id } });
    if (template.gradeQuestionId !== undefined && questions.find((question) => question.id === template.gradeQuestionId)?.kind !== 'likert')
      context.addIssue({ code: 'custom', path: ['gradeQuestionId'], message: 'evaluation.errors.gradeNotLikert' });
  });
export type EvaluationTemplate = z.infer<typeof evaluationTemplateSchema>;

export const questionsOf = (template: EvaluationTemplate): Question[] => template.sections.flatMap((section) => section.questions);

/** Likert questions are what averages are made of. */
export const LIKERT_VALUES = [1, 2, 3, 4, 5] as const;

const likert = (id: string, fr: string, en: string, required = true): Question => ({ id, kind: 'likert', required, label: { fr, en } });

/** The professional tutor's evaluation of the intern, shipped by default. */
export const defaultTutorTemplate: EvaluationTemplate = {
  key: 'default-tutor-1',
  title: { fr: 'Évaluation du stagiaire par le tuteur', en: "The tutor's evaluation of the intern" },
  gradeQuestionId: 'overall',
  sections: [
    {
      title: { fr: 'Compétences', en: 'Skills' },
      questions: [
        likert('technicalSkills', 'Compétences techniques mises en œuvre', 'Technical skills applied'),
        likert('learning', "Capacité d'apprentissage et d'adaptation", 'Ability to learn and adapt'),
      ],
    },
    {
      title: { fr: 'Comportement', en: 'Behaviour' },
      questions: [
        likert('punctuality', 'Ponctualité et assiduité', 'Punctuality and attendance'),
        likert('teamwork', "Intégration dans l'équipe", 'Integration in the team'),
      ],
    },
    {
      title: { fr: 'Qualité du travail', en: 'Quality of work' },
      questions: [
        likert('workQuality', 'Qualité du travail rendu', 'Quality of the work delivered'),
        {
          id: 'objectivesMet',
          kind: 'yesNo',
          required: true,
          label: { fr: 'Les objectifs du stage ont-ils été atteints ?', en: 'Were the objectives met?' },
        },
      ],
    },
    {
      title: { fr: 'Appréciation générale', en: 'Overall appreciation' },
      questions: [
        likert('overall', 'Appréciation générale', 'Overall appreciation'),
        {
          id: 'wouldHire',
          kind: 'single',
          required: false,
          label: { fr: 'Recruteriez-vous ce stagiaire ?', en: 'Would you hire this intern?' },
          choices: [
            { value: 'yes', label: { fr: 'Oui', en: 'Yes' } },
            { value: 'maybe', label: { fr: 'Peut-être', en: 'Maybe' } },
            { value: 'no', label: { fr: 'Non', en: 'No' } },
          ],
        },
        { id: 'comment', kind: 'text', required: false, label: { fr: 'Commentaire', en: 'Comment' } },
      ],
    },
  ],
};

/** The student's evaluation of the host's reception (L124-4), shipped by default. */
export const defaultStudentTemplate: EvaluationTemplate = {
  key: 'default-student-1',
  title: { fr: "Évaluation de l'accueil par le stagiaire", en: "The intern's evaluation of the host" },
  sections: [
    {
      title: { fr: 'Accueil et encadrement', en: 'Reception and supervision' },
      questions: [
        likert('reception', "Qualité de l'accueil", 'Quality of the reception'),
        likert('supervision', "Qualité de l'encadrement", 'Quality of the supervision'),
      ],
    },
    {
      title: { fr: 'Missions', en: 'Missions' },
      questions: [
        likert('missionsAsAnnounced', 'Missions conformes à celles annoncées', 'Missions as announced'),
        {
          id: 'activities',
          kind: 'multiple',
          required: false,
          label: { fr: 'Activités réalisées', en: 'Activities carried out' },
          choices: [
            { value: 'development', label: { fr: 'Développement', en: 'Development' } },
            { value: 'analysis', label: { fr: 'Analyse', en: 'Analysis' } },
            { value: 'management', label: { fr: 'Gestion de projet', en: 'Project management' } },
            { value: 'other', label: { fr: 'Autre', en: 'Other' } },
          ],
        },
      ],
    },
    {
      title: { fr: 'Recommandation', en: 'Recommendation' },
      questions: [
        {
          id: 'recommend',
          kind: 'yesNo',
          required: true,
          label: { fr: 'Recommanderiez-vous cet organisme ?', en: 'Would you recommend this host?' },
        },
        { id: 'comment', kind: 'text', required: false, label: { fr: 'Commentaire', en: 'Comment' } },
      ],
    },
  ],
};
