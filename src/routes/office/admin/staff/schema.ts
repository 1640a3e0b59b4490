import { z } from 'zod';
import { id, requiredText } from '../../../shared/formFields';

export const grantSchema = z.object({ userId: id(), reason: requiredText(500) });
export const revokeSchema = z.object({ userId: id() });
