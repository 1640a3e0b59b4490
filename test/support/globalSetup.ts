import { ensureToolKeyPool } from './toolKeyPool';

/** Runs once before the workers start. */
export default async function globalSetup(): Promise<void> {
  await ensureToolKeyPool();
}
