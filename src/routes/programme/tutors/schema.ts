import { z } from 'zod';
import { civility, email, requiredText } from '../../shared/formFields';

export const teacherSchema = z.object({
  civility: civility(),
  firstName: requiredText(100),
  lastName: requiredText(100),
  email: email(),
});
