/** The NAF/APE code of an activity, written as INSEE prints it: '6201z', '62 01 Z' and '62.01Z' are all '62.01Z'. */
export function normaliseNaf(input: string): string | null {
  const match = /^(\d{2})[\s.]?(\d{2})\s?([A-Za-z])$/.exec(input.trim());
  return match ? `${match[1]}.${match[2]}${match[3].toUpperCase()}` : null;
}
