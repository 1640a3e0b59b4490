import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ejs from 'ejs';
import { Router, type Request, type Response } from 'express';
import type { AddressObject } from 'mailparser';
import type { Config } from '../config';
import { mailFolder } from '../mail/transport';
import { initI18n, translator, type Locale } from '../middleware/i18n';

const views = path.join(__dirname, '..', '..', 'views', 'devMail');
const fileNamePattern = /^[\w.-]+\.eml$/;
const listLimit = 200;

/** mailparser is loaded when the captured mails are first read, not with the app. */
async function parseMail(source: Buffer) {
  const { simpleParser } = await import('mailparser');
  return simpleParser(source);
}

const addresses = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : []).map((address) => address.text).join(', ');

async function page(req: Request, res: Response, view: string, locals: Record<string, unknown>, status = 200) {
  await initI18n();
  const locale: Locale = req.locale ?? (req.query.lang === 'en' ? 'en' : 'fr');
  const html = await ejs.renderFile(path.join(views, `${view}.ejs`), { ...locals, locale, t: translator(locale) });
  res.status(status).type('html').send(html);
}

/** The development mailbox: the .eml files written by the file transport. Mounted only outside production. */
export function devMailRoutes(config: Pick<Config, 'dataDir'>): Router {
  const folder = mailFolder(config.dataDir);
  const router = Router();

  router.get('/', async (req, res) => {
    const names = await readdir(folder).catch(() => [] as string[]);
    // File names start with an ISO date: sorting them sorts the messages.
    const newest = names
      .filter((name) => fileNamePattern.test(name))
      .sort()
      .reverse()
      .slice(0, listLimit);
    const messages = await Promise.all(
      newest.map(async (file) => {
        const parsed = await parseMail(await readFile(path.join(folder, file)));
        return { file, date: parsed.date, to: addresses(parsed.to), subject: parsed.subject ?? '' };
      }),
    );
    await page(req, res, 'index', { messages, folder, baseUrl: req.baseUrl });
  });

  router.get('/:file', async (req, res) => {
    const file = String(req.params.file);
    const content = fileNamePattern.test(file) ? await readFile(path.join(folder, file)).catch(() => undefined) : undefined;
    if (!content) {
      await page(req, res, 'notFound', { baseUrl: req.baseUrl }, 404);
      return;
    }
    const parsed = await parseMail(content);
    const language = parsed.headers.get('content-language');
    await page(req, res, 'message', {
      baseUrl: req.baseUrl,
      file,
      message: {
        date: parsed.date,
        from: addresses(parsed.from),
        to: addresses(parsed.to),
        subject: parsed.subject ?? '',
        messageId: parsed.messageId ?? '',
        language: typeof language === 'string' ? language : '',
        text: parsed.text ?? '',
      },
    });
  });

  return router;
}
