import type { NextFunction, Request, Response } from 'express';
import { certificateReviewableStates, conventionSteps, isPrintableAsFinal, startFlag } from '../../domain/conventionStatus';
import { defaultThresholds } from '../../domain/thresholds';
import { signatureParties } from '../../domain/workflow';
import { formatAmount, formatDate, formatNumber } from '../../format';

/** What every page's view may use: formatting in the page's language, and the rules the views show, from their one source. */
export function setUpViewHelpers() {
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.formatDate = (value: string | Date | null | undefined) => formatDate(value, req.locale);
    res.locals.formatNumber = (value: number | null | undefined) => formatNumber(value, req.locale);
    res.locals.formatAmount = (value: number | null | undefined) => formatAmount(value, req.locale);
    res.locals.rules = {
      minTeachingHours: defaultThresholds.programme.minTeachingHoursPerYear,
      conventionSteps,
      certificateReviewableStates,
      isPrintableAsFinal,
      startFlag,
      /** The signatures the office records, the dean's last. */
      signatureRows: [...signatureParties, 'dean'],
    };
    next();
  };
}
