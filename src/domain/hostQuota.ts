import { toDayNumber } from './calendarDate';

/**
 * Host limits of LEGAL.md (warnings only: Pstage sees only its own conventions). A host with 20 employees or
 * more may take 15 % of its headcount (rounded up) at the same time, a smaller one 3 (R124-10, R124-12);
 * a professional tutor supervises at most 3 interns at once (R124-13).
 */
export const smallHostQuota = 3;
export const professionalTutorCap = 3;

/** The band's lowest headcount, so the quota shown is the one the host is sure to have. */
const bandLowestHeadcount: Record<string, number> = {
  '0': 0,
  '1-9': 1,
  '10-19': 10,
  '20-49': 20,
  '50-249': 50,
  '250-4999': 250,
  '5000+': 5000,
};

export function hostQuota(headcountBand: string | null | undefined): number {
  const headcount = headcountBand ? bandLowestHeadcount[headcountBand] : undefined;
  if (headcount === undefined || headcount < 20) return smallHostQuota;
  return Math.ceil((headcount * 15) / 100);
}

export interface Period {
  startDate: string | null;
  endDate: string | null;
}

/** The largest number of periods that overlap on one day (periods without both dates are left out). */
export function maxConcurrent(periods: Period[]): number {
  const edges: [number, number][] = [];
  for (const period of periods) {
    if (!period.startDate || !period.endDate) continue;
    edges.push([toDayNumber(period.startDate), 1], [toDayNumber(period.endDate) + 1, -1]);
  }
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let current = 0;
  let highest = 0;
  for (const [, change] of edges) {
    current += change;
    highest = Math.max(highest, current);
  }
  return highest;
}
