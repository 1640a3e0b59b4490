import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { i18nextTranslator, initI18n, localesFolder, translator, type Locale } from '../../src/middleware/i18n';

/** Every key of a language's resource files, with its string as written (objects are walked). */
function strings(locale: Locale): [string, string][] {
  const found: [string, string][] = [];
  const walk = (value: unknown, at: string) => {
    if (typeof value === 'string') found.push([at, value]);
    else if (value && typeof value === 'object' && !Array.isArray(value))
      for (const [key, inner] of Object.entries(value)) walk(inner, at ? `${at}.${key}` : key);
  };
  const folder = path.join(localesFolder, locale);
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.json')))
    walk(JSON.parse(readFileSync(path.join(folder, file), 'utf8')), '');
  return found;
}

describe('the translation function of a language', () => {
  beforeAll(() => initI18n());

  it.each<Locale>(['fr', 'en'])('gives what i18next gives for every key of %s, alone and with its placeholders filled', (locale) => {
    const t = translator(locale);
    const reference = i18nextTranslator(locale);
    const keys = strings(locale);
    expect(keys.length).toBeGreaterThan(500);
    for (const [key, raw] of keys) {
      expect([key, t(key)]).toEqual([key, reference(key)]);
      // Twice: the second comes from what the first kept.
      expect([key, t(key)]).toEqual([key, reference(key)]);
      const names = [...raw.matchAll(/\{\{-?\s*(\w+)/g)].map((match) => match[1]);
      if (names.length === 0) continue;
      const texts = Object.fromEntries(names.map((name) => [name, `«${name}»`]));
      const numbers = Object.fromEntries(names.map((name, index) => [name, index + 1.5]));
      for (const options of [texts, numbers, { ...texts, extra: 'x' }, {}]) {
        expect([key, t(key, options)]).toEqual([key, reference(key, options)]);
        expect([key, t(key, options)]).toEqual([key, reference(key, options)]);
      }
    }
  });

  it('leaves placeholders, plurals, context, default values and nesting to i18next', () => {
    const t = translator('fr');
    const reference = i18nextTranslator('fr');
    const cases: [string, Record<string, unknown>][] = [
      ['no.such.key', { defaultValue: 'Par défaut {{name}}', name: 'x' }],
      ['no.such.key', { name: 'x' }],
      ['errors.notFound', { lng: 'en' }],
      ['student.backHome', { name: '$t(student.backHome)' }],
    ];
    for (const [key, options] of cases) expect(t(key, options)).toBe(reference(key, options));
    expect(t('errors.notFound', { lng: 'en' })).toBe(translator('en')('errors.notFound'));
  });

  it('is made once per language', () => {
    expect(translator('fr')).toBe(translator('fr'));
    expect(translator('en')).not.toBe(translator('fr'));
  });
});
