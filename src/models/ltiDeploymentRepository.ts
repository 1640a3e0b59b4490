import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from './database';
import { ltiDeployments } from './schema';

type Source = (typeof ltiDeployments.$inferInsert)['source'];

export const ltiDeploymentRepository = {
  async list(db: Executor, iss: string, clientId: string): Promise<string[]> {
    const rows = await db
      .select({ deploymentId: ltiDeployments.deploymentId })
      .from(ltiDeployments)
      .where(and(eq(ltiDeployments.iss, iss), eq(ltiDeployments.clientId, clientId)))
      .orderBy(ltiDeployments.createdAt, ltiDeployments.deploymentId);
    return rows.map((row) => row.deploymentId);
  },

  async record(db: Executor, iss: string, clientId: string, deploymentId: string, source: Source): Promise<void> {
    await db.insert(ltiDeployments).values({ iss, clientId, deploymentId, source }).onConflictDoNothing();
  },

  /** Records the deployment of a platform's first launch, when nothing says which deployments it has. */
  async recordIfFirst(db: Executor, iss: string, clientId: string, deploymentId: string): Promise<void> {
    await db.execute(sql`
      insert into ${ltiDeployments} (iss, client_id, deployment_id, source)
      select ${iss}, ${clientId}, ${deploymentId}, 'launch'
      where not exists (select 1 from ${ltiDeployments} where iss = ${iss} and client_id = ${clientId})
      on conflict do nothing`);
  },
};
