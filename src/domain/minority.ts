/** Under 18 on `date` (the internship's first day, LEGAL.md "Minors"); a 29 February birthday comes of age on 1 March. */
export function isMinorOn(birthDate: string | null | undefined, date: string | null | undefined): boolean {
  if (!birthDate || !date) return false;
  const [year, month, day] = birthDate.split('-').map(Number);
  const leapDay = month === 2 && day === 29;
  const adulthood = leapDay ? `${year + 18}-03-01` : `${year + 18}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return date < adulthood;
}
