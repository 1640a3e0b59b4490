import path from 'node:path';
import ejs from 'ejs';
import { formatDate } from '../documents/format';
import { initI18n, translator } from '../middleware/i18n';
import { notificationContent } from './notificationContent';
import type { MailLocale, MailPayload, NotificationData, NotificationKind, RenderedMail } from './notificationTypes';

const mailViews = path.join(__dirname, '..', '..', 'views', 'mail');

/** Only paths inside Pstage: anything else (an absolute URL, '//host') falls back to the home page. */
function absoluteUrl(publicBaseUrl: string, pagePath: string): string {
  const safePath = pagePath.startsWith('/') && !pagePath.startsWith('//') ? pagePath : '/';
  return `${publicBaseUrl.replace(/\/$/, '')}${safePath}`;
}

/** Renders one notification (subject, text and HTML) in the recipient's language. */
export async function notificationMail<K extends NotificationKind>(
  kind: K,
  data: NotificationData[K],
  locale: MailLocale,
  options: { publicBaseUrl: string; recipientName?: string },
): Promise<RenderedMail> {
  await initI18n();
  const language: MailLocale = locale === 'en' ? 'en' : 'fr';
  const translate = translator(language);
  const t = (key: string, values?: Record<string, unknown>) => String(translate(key, values as never));
  const content = notificationContent(kind, data, {
    t,
    date: (isoDate) => formatDate(isoDate, language),
    url: (pagePath) => absoluteUrl(options.publicBaseUrl, pagePath),
    language,
  });
  const locals = {
    locale: language,
    content,
    greeting: options.recipientName ? t('mail.common.greeting', { name: options.recipientName }) : t('mail.common.greetingNoName'),
    labels: {
      details: t('mail.common.details'),
      nextSteps: t('mail.common.nextSteps'),
      lmsNote: t('mail.common.lmsNote'),
      signature: t('mail.common.signature'),
      automatic: t('mail.common.automatic'),
      colon: language === 'fr' ? ' : ' : ': ',
    },
  };
  const [text, html] = await Promise.all([
    // The two layouts are compiled once per process (a mail's content is data, not a template).
    ejs.renderFile(path.join(mailViews, 'message.text.ejs'), locals, { async: false, cache: true }),
    ejs.renderFile(path.join(mailViews, 'message.html.ejs'), locals, { async: false, cache: true }),
  ]);
  return { subject: content.subject.replace(/\s+/g, ' ').trim(), text, html };
}

/** The `render` the mail handler needs: a stored payload → the mail, with links to this installation. */
export function createNotificationRenderer(options: { publicBaseUrl: string }) {
  return (payload: MailPayload): Promise<RenderedMail> =>
    notificationMail(payload.template, payload.data, payload.to.locale, {
      publicBaseUrl: options.publicBaseUrl,
      recipientName: payload.to.name,
    });
}
