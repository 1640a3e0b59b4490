import path from 'node:path';
import ejs from 'ejs';
import type { Response } from 'express';
import type { PlatformState } from './state';

/** Rendered from files so the router works without the app's view engine. */
export async function renderDevView(
  res: Response,
  state: PlatformState,
  view: string,
  data: Record<string, unknown>,
  status = 200,
): Promise<void> {
  const file = path.join(__dirname, '..', '..', '..', 'views', 'dev', `${view}.ejs`);
  const html = await ejs.renderFile(file, { baseUrl: state.urls.baseUrl, devUrl: state.urls.devUrl, ...data });
  res.status(status).type('html').send(html);
}
