import path from 'node:path';
import ejs from 'ejs';
import type { Response } from 'express';
import type { PlatformState } from './state';

/**
 * Rendered from files so the router works without the app's view engine. The pages' links and assets are paths on
 * the host the browser asked (`devUrl` is the mount path): at 127.0.0.1 as at the configured origin, the same page.
 */
export async function renderDevView(
  res: Response,
  state: PlatformState,
  view: string,
  data: Record<string, unknown>,
  status = 200,
): Promise<void> {
  const file = path.join(__dirname, '..', '..', '..', 'views', 'dev', `${view}.ejs`);
  const html = await ejs.renderFile(file, { devUrl: state.urls.mountPath, ...data });
  res.status(status).type('html').send(html);
}
