import { z } from 'zod';
import { id, requiredText } from '../../../shared/formFields';
import { defineForm, fieldLabels } from '../../../shared/validate';

export const grantForm = defineForm(
  z.object({ userId: id(), reason: requiredText(500) }),
  fieldLabels('officeAdmin.fields.', ['userId', 'reason']),
);
export const revokeSchema = z.object({ userId: id() });
