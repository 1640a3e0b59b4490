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

/**
 * A language's translation function, made once. The resources are loaded once at start and never change: a key's
 * string asked without options (most of a page's labels) is kept after its first lookup. Anything with options
 * (placeholders, plurals, context, nesting) is i18next's at every call: its interpolation is not copied here.
 */
export function translator(locale: Locale): TFunction {
  const made = translators.get(locale);
  if (made) return made;
  const fixed = instance.getFixedT(locale) as unknown as (...args: unknown[]) => unknown;
  if (!instance.isInitialized) return fixed as unknown as TFunction;
  const found = new Map<string, unknown>();
  const translate = ((key: unknown, ...rest: unknown[]) => {
    if (typeof key !== 'string' || rest.length > 0) return fixed(key, ...rest);
    let text = found.get(key);
    if (text === undefined) found.set(key, (text = fixed(key)));
    return text;
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
