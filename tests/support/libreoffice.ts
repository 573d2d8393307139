/**
 * LibreOffice as a second, independent reader of the Word files the bot writes: .docx → PDF with
 * `soffice --headless`, the text a reader sees with `pdftotext`, page images with `pdftoppm`.
 * Shared by tests/e2e/docx-libreoffice.spec.ts (a model rendered directly) and the replays in
 * tests/bot/replay/ (a meeting recorded through the bot). Needs `soffice`, `pdftotext` and
 * `pdftoppm`: `bash scripts/ensure-test-tools.sh` installs them.
 */
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Fails with how to install it when a tool is missing or does not run. */
export function requireTool(command: string, args: string[]): void {
  const probe = spawnSync(command, args, { encoding: 'utf8', timeout: 60000 });
  if (probe.error || probe.status !== 0) {
    throw new Error(`${command} is needed for this test and is not usable (${probe.error?.message ?? probe.stderr}). `
      + 'Install it: bash scripts/ensure-test-tools.sh (apt-get install libreoffice-writer-nogui poppler-utils)');
  }
}

export function requireDocumentTools(): void {
  requireTool('soffice', ['--version']);
  requireTool('pdftotext', ['-v']);
  requireTool('pdftoppm', ['-v']);
}

/**
 * Writes `docx` to `directory/name.docx` and converts it to PDF, with a LibreOffice profile of its
 * own in `directory` so parallel runs never share one. Returns the PDF's path and its text
 * (`pdftotext -layout`: pages separated by form feeds).
 */
export async function docxToPdf(docx: Uint8Array, directory: string, name: string): Promise<{ pdf: string; text: string }> {
  const file = path.join(directory, `${name}.docx`);
  fs.writeFileSync(file, docx);
  const profile = `file://${path.join(directory, 'lo-profile')}`;
  await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', directory, file], { timeout: 110000 });
  const pdf = path.join(directory, `${name}.pdf`);
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${file}`);
  const { stdout } = await run('pdftotext', ['-layout', pdf, '-']);
  return { pdf, text: stdout };
}

/**
 * PNGs of the first two pages (60 dpi) as `directory/name-1.png`, `name-2.png` (older images of the
 * same name are removed first). Returns their paths.
 */
export async function keepPages(pdf: string, directory: string, name: string): Promise<string[]> {
  fs.mkdirSync(directory, { recursive: true });
  const ours = () => fs.readdirSync(directory).filter((f) => f.startsWith(`${name}-`) && /^\d+\.png$/.test(f.slice(name.length + 1)));
  for (const old of ours()) fs.rmSync(path.join(directory, old));
  await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, path.join(directory, name)]);
  return ours().sort().map((f) => path.join(directory, f));
}

/** Lines of the PDF text with runs of spaces collapsed; the attendance columns stay on their line. */
export const flattenSpaces = (text: string) => text.replace(/[ \t]+/g, ' ');

/** The pages of `pdftotext` output (form feeds between them), the empty one after the last dropped. */
export const pagesOf = (text: string): string[] => text.split('\f').filter((page) => page.trim() !== '');

/**
 * The pages whose last line of text (above the `Sida x av y` footer) is one of `headings` or the end
 * of one that wrapped: a heading the reader finds at the foot of a page, with what it heads on the
 * next. Returns `page n: <line>` for each; an empty list when keep-with-next did its work. The last
 * page is not looked at: what ends the document (a last paragraph with nothing under it) heads nothing
 * on a page after it.
 */
export function headingsEndingPages(pages: readonly string[], headings: readonly string[]): string[] {
  const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
  const wanted = [...new Set(headings.map(collapse))].filter(Boolean);
  return pages.slice(0, -1).flatMap((page, i) => {
    const lines = page.split('\n').map(collapse).filter((line) => line !== '' && !/^Sida \d+ av \d+$/.test(line));
    const last = lines[lines.length - 1] ?? '';
    // the column layout may put a label and its value on one line: a line that is a heading, or ends one
    return wanted.some((h) => last === h || (last.length > 3 && h.endsWith(last)) || last.endsWith(` ${h}`)) ? [`page ${i + 1}: ${last}`] : [];
  });
}

/** `Sida i av n` on every page, n the number of pages. Returns the pages that lack theirs. */
export function pagesWithoutNumber(pages: readonly string[]): number[] {
  return pages.flatMap((page, i) => (flattenSpaces(page).includes(`Sida ${i + 1} av ${pages.length}`) ? [] : [i + 1]));
}

/** PNGs of every page (60 dpi) as `directory/name-1.png`, … (older images of the same name removed first). */
export async function keepAllPages(pdf: string, directory: string, name: string): Promise<string[]> {
  fs.mkdirSync(directory, { recursive: true });
  const ours = () => fs.readdirSync(directory).filter((f) => f.startsWith(`${name}-`) && /^\d+\.png$/.test(f.slice(name.length + 1)));
  for (const old of ours()) fs.rmSync(path.join(directory, old));
  await run('pdftoppm', ['-png', '-r', '60', pdf, path.join(directory, name)]);
  return ours().sort().map((f) => path.join(directory, f));
}
