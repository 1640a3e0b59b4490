import type { Platform } from 'ltijs';
import { AppError } from '../../errors';
import type { LtiTool } from '../../lti/ltiTool';
import { auditRepository } from '../../models/auditRepository';
import type { Database } from '../../models/database';
import { ltiDeploymentRepository } from '../../models/ltiDeploymentRepository';
import { ltiPlatformStatusRepository } from '../../models/ltiPlatformStatusRepository';
import { fieldError } from './fieldError';

export interface PlatformRow {
  id: string;
  name: string;
  url: string;
  clientId: string;
  active: boolean;
  deployments: string[];
  /** Pending, while an active platform has the same issuer under another client id: it could act for its accounts. */
  sameIssuerAsActive: boolean;
}

async function describe(db: Database, platform: Platform) {
  const [id, name, url, clientId, active] = await Promise.all([
    platform.platformKid(),
    platform.platformName(),
    platform.platformUrl(),
    platform.platformClientId(),
    platform.platformActive(),
  ]);
  return { id, name, url, clientId, active, deployments: await ltiDeploymentRepository.list(db, url, clientId) };
}

export async function listPlatforms(tool: LtiTool, db: Database): Promise<PlatformRow[]> {
  const rows = await Promise.all((await tool.provider.getAllPlatforms()).map((platform) => describe(db, platform)));
  return rows.map((row) => ({
    ...row,
    sameIssuerAsActive: !row.active && rows.some((other) => other.active && other.url === row.url && other.clientId !== row.clientId),
  }));
}

/**
 * Activates or deactivates a platform, for an office member or (actor null) the operator's command line. Users
 * are known by issuer and LMS id, so a platform with the issuer of an active one acts for the same accounts:
 * activating it needs an explicit confirmation.
 */
export async function setPlatformActive(
  tool: LtiTool,
  db: Database,
  command: { actorUserId: number | null; platformId: string; active: boolean; sameIssuerConfirmed: boolean },
): Promise<void> {
  const platform = await tool.provider.getPlatformById(command.platformId);
  if (!platform) throw new AppError(404, 'errors.notFound');
  const target = (await listPlatforms(tool, db)).find((row) => row.id === command.platformId);
  const sameIssuer = command.active && Boolean(target?.sameIssuerAsActive);
  if (sameIssuer && !command.sameIssuerConfirmed) throw fieldError(`confirm-${command.platformId}`, 'platforms.errors.confirmSameIssuer');
  await db.transaction(async (tx) => {
    await ltiPlatformStatusRepository.setActive(tx, command.platformId, command.active);
    await auditRepository.record(tx, {
      actorUserId: command.actorUserId,
      action: command.active ? 'platform.activate' : 'platform.deactivate',
      targetType: 'platform',
      targetId: command.platformId,
      details: {
        ...(sameIssuer ? { sameIssuerAsActive: true, confirmed: true } : {}),
        ...(command.actorUserId === null ? { by: 'command line' } : {}),
      },
    });
  });
}
