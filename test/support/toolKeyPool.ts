import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateToolKeyPair, type ToolKeyPair, type ToolKeyPairSource } from '../../src/lti/toolKeyPairs';

/**
 * A 4096-bit pair costs one to five seconds of CPU; every test file registers at least one platform. The pairs
 * are made once (by jest's global setup, or by the first test that needs them) and kept in the temp folder.
 */
const poolSize = 6;
export const toolKeyPoolFile = path.join(os.tmpdir(), `pstage-test-tool-keys-${poolSize}.json`);

function readPool(): ToolKeyPair[] | undefined {
  if (!existsSync(toolKeyPoolFile)) return undefined;
  try {
    const pairs = JSON.parse(readFileSync(toolKeyPoolFile, 'utf8')) as ToolKeyPair[];
    const complete =
      pairs.length === poolSize &&
      pairs.every((pair) => pair.publicKey?.includes('PUBLIC KEY') && pair.privateKey?.includes('PRIVATE KEY'));
    return complete ? pairs : undefined;
  } catch {
    return undefined;
  }
}

export async function ensureToolKeyPool(): Promise<ToolKeyPair[]> {
  const existing = readPool();
  if (existing) return existing;
  const pairs = await Promise.all(Array.from({ length: poolSize }, () => generateToolKeyPair()));
  // Written then renamed, so a parallel run never reads half a file.
  const partial = `${toolKeyPoolFile}.${process.pid}.partial`;
  writeFileSync(partial, JSON.stringify(pairs), { mode: 0o600 });
  renameSync(partial, toolKeyPoolFile);
  return pairs;
}

let pool: Promise<ToolKeyPair[]> | undefined;
let next = 0;

/** The pairs of the pool in turn: the platforms of one test file get distinct keys. */
export const pooledToolKeyPairs: ToolKeyPairSource = async () => {
  pool ??= ensureToolKeyPool();
  const pairs = await pool;
  const pair = pairs[next % pairs.length];
  next += 1;
  return pair;
};
