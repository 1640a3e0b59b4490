import type { NextFunction, Request, Response } from 'express';

const dateFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });

/** Dates are shown the French way (26/11/2026), whatever the interface language. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  if (value instanceof Date) return dateTimeFormat.format(value);
  return dateFormat.format(new Date(`${value}T00:00:00Z`));
}

export function formatNumber(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 2 }).format(value);
}

export function setUpStudentViewHelpers() {
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.formatDate = formatDate;
    res.locals.formatNumber = (value: number | null | undefined) => formatNumber(value, req.locale);
    next();
  };
}
