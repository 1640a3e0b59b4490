import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import type { NextFunction, Request, Response } from 'express';

export type Locale = 'fr' | 'en';
export const localesFolder = path.join(__dirname, '..', '..', 'locales');

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      t: TFunction;
      locale: Locale;
    }
  }
}

function deepMerge(target: Record<string, unknown>, source: Record<string, unknown>) {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (value && typeof value === 'object' && !Array.isArray(value) && existing && typeof existing === 'object') {
      deepMerge(existing as Record<string, unknown>, value as Record<string, unknown>);
    } else {
      target[key] = value;
    }
  }
  return target;
}

/** Every file of locales/<lng>/ is one area's strings; they are merged into one namespace. */
function loadResources(locale: Locale) {
  const folder = path.join(localesFolder, locale);
  const translation: Record<string, unknown> = {};
  for (const file of readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    deepMerge(translation, JSON.parse(readFileSync(path.join(folder, file), 'utf8')));
  }
  return { translation };
}

const instance = i18next.createInstance();
let ready: Promise<unknown> | undefined;

export function initI18n() {
  ready ??= instance.init({
    lng: 'fr',
    fallbackLng: 'fr',
    supportedLngs: ['fr', 'en'],
    resources: { fr: loadResources('fr'), en: loadResources('en') },
    interpolation: { escapeValue: false },
    initImmediate: false,
  } as Parameters<typeof instance.init>[0]);
  return ready;
}

const translators = new Map<Locale, TFunction>();

/** i18next's own translation function of a language, without the shortcuts of `translator` (tests compare them). */
export function i18nextTranslator(locale: Locale): TFunction {
  return instance.getFixedT(locale);
}

/** A resource string cut at its `{{name}}` placeholders: `texts` around `names`, one more text than names. */
interface Template {
  texts: string[];
  names: string[];
}

/** Options that make i18next do more than replace placeholders (plurals, context, fallbacks, other namespaces…). */
const i18nextOptions = new Set([
  'count',
  'context',
  'ordinal',
  'defaultValue',
  'lng',
  'lngs',
  'fallbackLng',
  'ns',
  'keyPrefix',
  'replace',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'interpolation',
  'skipInterpolation',
  'nsSeparator',
  'keySeparator',
]);

/**
 * The template of a key whose string i18next would only fill in: null when anything else may happen (no such string
 * in this language, nesting with `$t(`, formats such as `{{date, datetime}}`, unescaped `{{- name}}`, an empty string).
 */
function templateOf(locale: Locale, key: string): Template | null {
  const raw: unknown = instance.getResource(locale, 'translation', key);
  if (typeof raw !== 'string' || raw === '' || raw.includes('$t(')) return null;
  const texts: string[] = [];
  const names: string[] = [];
  let last = 0;
  for (const match of raw.matchAll(/\{\{([^{}]*)\}\}/g)) {
    const name = match[1].trim();
    if (!/^\w+$/.test(name)) return null;
    texts.push(raw.slice(last, match.index));
    names.push(name);
    last = match.index + match[0].length;
  }
  texts.push(raw.slice(last));
  if (texts.some((text) => text.includes('{{') || text.includes('}}'))) return null;
  return { texts, names };
}

/** The template filled as i18next fills it (values inserted as they are: escapeValue is off), or undefined if unsure. */
function fill(template: Template, options: Record<string, unknown>): string | undefined {
  for (const option of Object.keys(options)) if (i18nextOptions.has(option)) return undefined;
  let text = template.texts[0];
  for (let index = 0; index < template.names.length; index++) {
    const value = options[template.names[index]];
    if (typeof value === 'string') {
      if (value.includes('$t(') || value.includes('{{')) return undefined;
      text += value;
    } else if (typeof value === 'number' && Number.isFinite(value)) text += String(value);
    else return undefined;
    text += template.texts[index + 1];
  }
  return text;
}

/**
 * A language's translation function, made once. The resources are loaded once at start and never change: a key's
 * string asked without options (most of a page's labels) is kept after its first lookup, and a string whose options
 * only fill its `{{placeholders}}` is filled from its kept template. Anything else (plurals, context, nesting,
 * formats, missing values) is i18next's, as before: i18next's lookup and interpolation were ~8 % of a page's CPU.
 */
export function translator(locale: Locale): TFunction {
  const made = translators.get(locale);
  if (made) return made;
  const fixed = instance.getFixedT(locale) as unknown as (...args: unknown[]) => unknown;
  if (!instance.isInitialized) return fixed as unknown as TFunction;
  const found = new Map<string, unknown>();
  const templates = new Map<string, Template | null>();
  const translate = ((key: unknown, ...rest: unknown[]) => {
    if (typeof key !== 'string') return fixed(key, ...rest);
    if (rest.length === 0) {
      let text = found.get(key);
      if (text === undefined) found.set(key, (text = fixed(key)));
      return text;
    }
    const [options] = rest;
    if (rest.length === 1 && options && typeof options === 'object' && !Array.isArray(options)) {
      let template = templates.get(key);
      if (template === undefined) templates.set(key, (template = templateOf(locale, key)));
      const text = template && fill(template, options as Record<string, unknown>);
      if (text !== undefined && text !== null) return text;
    }
    return fixed(key, ...rest);
  }) as unknown as TFunction;
  // What i18next sets on a fixed function (its language and namespace) stays readable.
  Object.assign(translate, fixed);
  translators.set(locale, translate);
  return translate;
}

/** The browser's language (Accept-Language) where no launch has said one: English when preferred, French otherwise. */
export function browserLocale(req: Request): Locale {
  return req.acceptsLanguages('fr', 'en') === 'en' ? 'en' : 'fr';
}

/**
 * For the pages an LMS administrator reaches before any launch (dynamic registration, /setup): the browser's
 * language, for the page and for whatever error or rate-limit page answers instead; the session's if one exists.
 */
export function inBrowserLanguage() {
  return (req: Request, res: Response, next: NextFunction) => {
    req.locale = req.session?.locale ?? browserLocale(req);
    req.t = translator(req.locale);
    res.locals.t = req.t;
    res.locals.locale = req.locale;
    next();
  };
}

/** The language comes from the launch (stored in the session); French by default. */
export function setUpI18n() {
  return (req: Request, res: Response, next: NextFunction) => {
    const queryLocale = req.query.lang === 'en' || req.query.lang === 'fr' ? (req.query.lang as Locale) : undefined;
    req.locale = req.session?.locale ?? queryLocale ?? 'fr';
    req.t = translator(req.locale);
    res.locals.t = req.t;
    res.locals.locale = req.locale;
    next();
  };
}
