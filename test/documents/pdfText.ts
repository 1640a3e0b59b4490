import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type ExtractionMode = '-layout' | '-raw';

/**
 * Text of each page as pdftotext sees it; no-break spaces become plain spaces.
 * '-layout' keeps the page geometry (headers, footers, columns side by side); '-raw' keeps the
 * drawing order, so a label and its value, or one signature box, read as one sentence.
 */
export async function pdfPages(pdf: Buffer, mode: ExtractionMode = '-layout'): Promise<string[]> {
  const directory = await mkdtemp(join(tmpdir(), 'pstage-pdf-'));
  try {
    const file = join(directory, 'document.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('/usr/bin/pdftotext', [mode, '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
    const pages = stdout.replace(/[\u00a0\u202f]/g, ' ').split('\f');
    return pages.filter((page, index) => index < pages.length - 1 || page.trim() !== '');
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** Whole text with runs of spaces collapsed, to search for phrases that may be laid out in columns. */
export function flatten(pages: string[]): string {
  return pages.join('\n').replace(/[ \t]+/g, ' ');
}

/** Text with line breaks and layout spacing collapsed, to find sentences that wrap across lines. */
export function prose(pages: string[]): string {
  return pages.map((page) => page.replace(/\s+/g, ' ')).join(' ');
}
