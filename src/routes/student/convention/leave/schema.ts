import { z } from 'zod';
import { defineForm, fieldLabels } from '../../../shared/validate';
import { optionalDecimal, optionalText, requiredDecimal, requiredText } from '../../../shared/formFields';

/** More days of leave than this over one internship (six months at most) is a typing mistake. */
const maxLeaveDays = 60;

/** Article 10 and Article 9 of the convention; beyond two months the leave days must be stated (L124-13). */
export const leaveSchemaFor = (longInternship: boolean) =>
  z.object({
    leaveDaysGranted: longInternship ? requiredDecimal(maxLeaveDays) : optionalDecimal(maxLeaveDays),
    absenceTerms: requiredText(2000),
    hostInternalRules: optionalText(4000),
  });

export const leaveFormFor = (longInternship: boolean) =>
  defineForm(leaveSchemaFor(longInternship), fieldLabels('student.fields.', ['leaveDaysGranted', 'absenceTerms', 'hostInternalRules']));
