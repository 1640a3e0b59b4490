import { z } from 'zod';
import { questionnaireKinds, type QuestionnaireKind } from '../../domain/evaluationDefaults';

/** The kind of questionnaire a results page shows (`?kind=`): the tutor's unless another is named. */
export const resultsKindSchema = z.enum(questionnaireKinds as [QuestionnaireKind, ...QuestionnaireKind[]]).catch('tutor');
/** Which questionnaire of that kind (`?template=`); an unknown one falls back to the default in the service. */
export const templateKeySchema = z.string().max(100).optional().catch(undefined);
