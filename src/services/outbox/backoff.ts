const baseDelayMs = 30_000;
const maxDelayMs = 60 * 60_000;

/**
 * The wait before the next attempt: 30 s × 2^(attempts − 1), capped at one hour, with "equal jitter"
 * (half fixed, half random) so messages that failed together (an SMTP outage) do not retry together.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const exponential = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
