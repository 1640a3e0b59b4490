import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Executor } from '../../models/database';
import { renderedPdfRepository } from '../../models/renderedPdfRepository';
import type { PdfRenderer } from './pdfRenderer';
import type { PdfArguments, PdfKind } from './pdfRenderers';

const sourceRoot = path.join(__dirname, '..', '..');
const projectRoot = path.join(sourceRoot, '..');

let templateVersion: string | undefined;

/**
 * Everything a PDF's look depends on besides its data: the code and wording under src/documents (and the
 * formatting and domain code it uses), pdfkit and the font. Read once; a deployment that changes any of them
 * renders every PDF afresh.
 */
export function documentTemplateVersion(): string {
  if (templateVersion) return templateVersion;
  const hash = createHash('sha256');
  const add = (file: string) => hash.update(path.relative(projectRoot, file)).update('\0').update(readFileSync(file));
  for (const folder of ['documents', 'domain']) {
    const root = path.join(sourceRoot, folder);
    for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' }).sort()) {
      if (statSync(path.join(root, file)).isFile()) add(path.join(root, file));
    }
  }
  for (const file of readdirSync(sourceRoot).filter((name) => /^format\.[jt]s$/.test(name))) add(path.join(sourceRoot, file));
  for (const dependency of ['pdfkit', 'dejavu-fonts-ttf']) {
    const manifest = path.join(projectRoot, 'node_modules', dependency, 'package.json');
    if (existsSync(manifest)) add(manifest);
  }
  templateVersion = hash.digest('hex');
  return templateVersion;
}

/** JSON with object keys sorted: the same data always hashes the same, whatever order its fields were set in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

export function pdfContentHash(kind: PdfKind, args: unknown[]): string {
  return createHash('sha256')
    .update(documentTemplateVersion())
    .update('\0')
    .update(kind)
    .update('\0')
    .update(canonicalJson(args))
    .digest('hex');
}

/**
 * A rendering not renewed for this long is removed: the draft of a convention validated or cancelled since, a
 * fiche de liaison of last year. Nothing is lost (it is rendered again if asked for), and copies of personal data
 * do not outlive their use. Checked after each rendering, which costs far more than this delete on a table of one
 * row per document.
 */
export const renderedPdfLifetimeMs = 30 * 24 * 3600_000;

/** Renderings under way, per database (tests run several apps in one process). */
const inFlightByDatabase = new WeakMap<object, Map<string, Promise<Buffer>>>();

/**
 * A PDF built from live data, rendered only when what it is built from changed since its last rendering: `key`
 * names the document (one stored rendering each), the hash of `kind`, `args` and the template says whether the
 * stored one still holds. The same document asked twice at once is rendered once.
 */
export async function cachedPdf<K extends PdfKind>(
  db: Executor,
  renderer: PdfRenderer,
  key: string,
  kind: K,
  args: PdfArguments<K>,
): Promise<Buffer> {
  const contentHash = pdfContentHash(kind, args);
  const stored = await renderedPdfRepository.find(db, key, contentHash);
  if (stored) return stored;
  let inFlight = inFlightByDatabase.get(db);
  if (!inFlight) inFlightByDatabase.set(db, (inFlight = new Map()));
  const flightKey = `${key}\0${contentHash}`;
  const running = inFlight.get(flightKey);
  if (running) return running;
  const rendering = (async () => {
    const bytes = await renderer.render(kind, args);
    await renderedPdfRepository.store(db, key, contentHash, bytes);
    await renderedPdfRepository.removeRenderedBefore(db, new Date(Date.now() - renderedPdfLifetimeMs));
    return bytes;
  })().finally(() => inFlight.delete(flightKey));
  inFlight.set(flightKey, rendering);
  return rendering;
}
