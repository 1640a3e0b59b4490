import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * One name per role in every text a person reads (the pages, the mails, the PDFs): the teacher who follows the
 * intern is the « enseignant référent » / "academic tutor", the host's tutor the « tuteur de stage » / "host tutor".
 */
const root = path.join(__dirname, '..', '..');

const forbidden: { pattern: RegExp; use: string }[] = [
  { pattern: /tuteur (universitaire|pédagogique|académique|enseignant)/i, use: 'enseignant référent' },
  { pattern: /référent(e)? pédagogique/i, use: 'enseignant référent' },
  { pattern: /enseignant(e)? tuteur/i, use: 'enseignant référent' },
  { pattern: /tuteur (professionnel|en entreprise|d['’]entreprise)/i, use: 'tuteur de stage' },
  { pattern: /(tuteur|tutrice) (dans|de) l['’](organisme|entreprise)/i, use: 'tuteur de stage (dans l’organisme d’accueil)' },
  { pattern: /maître de stage/i, use: 'tuteur de stage' },
  { pattern: /academic referent|university tutor|teaching referent|academic supervisor/i, use: 'academic tutor' },
  { pattern: /professional tutor|company tutor|workplace tutor|internship tutor/i, use: 'host tutor' },
  { pattern: /tutor (at|in) the host|host organi[sz]ation('s)? tutor/i, use: 'host tutor' },
];

function filesUnder(dir: string, extension: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return filesUnder(file, extension);
    return name.endsWith(extension) ? [file] : [];
  });
}

function jsonStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(jsonStrings);
  return [];
}

/** The string literals of a source file, its comments left out (they are for developers). */
function sourceStrings(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
  return code.match(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g) ?? [];
}

const texts: { file: string; text: string }[] = [
  ...filesUnder(path.join(root, 'locales'), '.json').flatMap((file) =>
    jsonStrings(JSON.parse(readFileSync(file, 'utf8'))).map((text) => ({ file, text })),
  ),
  ...filesUnder(path.join(root, 'views'), '.ejs').map((file) => ({ file, text: readFileSync(file, 'utf8') })),
  ...[
    ...filesUnder(path.join(root, 'src', 'documents'), '.ts'),
    ...filesUnder(path.join(root, 'src', 'mail'), '.ts'),
    path.join(root, 'src', 'services', 'amendments', 'amendmentView.ts'),
    path.join(root, 'src', 'domain', 'evaluationDefaults.ts'),
    path.join(root, 'src', 'domain', 'evaluationTemplate.ts'),
    path.join(root, 'src', 'routes', 'shared', 'auditSentence.ts'),
  ].flatMap((file) => sourceStrings(readFileSync(file, 'utf8')).map((text) => ({ file, text }))),
];

describe('one name per role in every text', () => {
  it('reads the texts of the locales, the views, the mails and the PDFs', () => {
    expect(texts.filter(({ file }) => file.includes(`${path.sep}locales${path.sep}`)).length).toBeGreaterThan(1000);
    expect(texts.some(({ file }) => file.endsWith('articles/fr.ts'))).toBe(true);
  });

  it.each(forbidden)('never says $pattern (the name is « $use »)', ({ pattern }) => {
    const found = texts
      .filter(({ text }) => pattern.test(text))
      .map(({ file, text }) => `${path.relative(root, file)}: ${pattern.exec(text)![0]}`);
    expect(found).toEqual([]);
  });

  it('the parties are named the same in French and English on every page that lists them', () => {
    const locale = (language: string, name: string) =>
      JSON.parse(readFileSync(path.join(root, 'locales', language, `${name}.json`), 'utf8'));
    expect(locale('fr', 'office').office.parties).toMatchObject({
      professional_tutor: 'Tuteur de stage',
      academic_tutor: 'Enseignant référent',
    });
    expect(locale('en', 'office').office.parties).toMatchObject({ professional_tutor: 'Host tutor', academic_tutor: 'Academic tutor' });
  });
});
