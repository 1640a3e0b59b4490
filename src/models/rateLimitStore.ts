import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import type { Database } from './database';
import { rateLimits } from './schema';

/**
 * An express-rate-limit store over the `rate_limits` table: one row per client and limiter, counted with
 * an atomic upsert, so that every instance of Pstage on the same database sees the same counts.
 */
export class DatabaseRateLimitStore implements Store {
  readonly localKeys = false;
  private windowMs = 60_000;
  private lastCleanup = 0;

  constructor(
    private readonly db: Database,
    readonly prefix: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const now = this.now();
    const resetAt = new Date(now.getTime() + this.windowMs);
    const expired = sql`${rateLimits.resetAt} <= ${now.toISOString()}::timestamptz`;
    const [row] = await this.db
      .insert(rateLimits)
      .values({ key: this.prefix + key, hits: 1, resetAt })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          hits: sql`case when ${expired} then 1 else ${rateLimits.hits} + 1 end`,
          resetAt: sql`case when ${expired} then ${resetAt.toISOString()}::timestamptz else ${rateLimits.resetAt} end`,
        },
      })
      .returning({ hits: rateLimits.hits, resetAt: rateLimits.resetAt });
    await this.removeExpired(now);
    return { totalHits: row.hits, resetTime: row.resetAt };
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const [row] = await this.db
      .select()
      .from(rateLimits)
      .where(and(eq(rateLimits.key, this.prefix + key), gt(rateLimits.resetAt, this.now())));
    return row ? { totalHits: row.hits, resetTime: row.resetAt } : undefined;
  }

  async decrement(key: string): Promise<void> {
    await this.db
      .update(rateLimits)
      .set({ hits: sql`greatest(${rateLimits.hits} - 1, 0)` })
      .where(and(eq(rateLimits.key, this.prefix + key), gt(rateLimits.resetAt, this.now())));
  }

  async resetKey(key: string): Promise<void> {
    await this.db.delete(rateLimits).where(eq(rateLimits.key, this.prefix + key));
  }

  /** Past windows are removed at most once a window, by whichever request comes then. */
  private async removeExpired(now: Date): Promise<void> {
    if (now.getTime() - this.lastCleanup < this.windowMs) return;
    this.lastCleanup = now.getTime();
    await this.db.delete(rateLimits).where(lt(rateLimits.resetAt, now));
  }
}
