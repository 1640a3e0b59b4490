import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { errorHandler } from '../../src/middleware/errorHandler';
import { initI18n } from '../../src/middleware/i18n';
import { createDatabaseAvailability } from '../../src/models/databaseAvailability';
import { capturingLogger } from '../support/logCapture';

/** The real error handler and error page behind a bare express app, with routes that fail in each way. */
async function appWithFailures() {
  await initI18n();
  const { logger, count } = capturingLogger();
  const availability = createDatabaseAvailability();
  availability.useLogger(logger);
  const app = express();
  app.set('views', path.join(__dirname, '..', '..', 'views'));
  app.set('view engine', 'ejs');
  app.use(express.urlencoded({ extended: false, limit: '1kb', parameterLimit: 10 }));
  app.get('/half-written', async (_req, res) => {
    res.type('text/csv').write('a;b\r\n');
    await new Promise((resolve) => setImmediate(resolve));
    throw new Error('the second batch failed');
  });
  app.get('/database-gone', async () => {
    throw Object.assign(new Error('Failed query: select 1'), {
      query: 'select 1',
      cause: Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    });
  });
  app.post('/form', (_req, res) => void res.send('ok'));
  app.get('/alive', (_req, res) => void res.send('alive'));
  app.use(errorHandler(logger, false, availability));
  return { app, count, availability };
}

describe('the error handler', () => {
  it('cuts the connection of an answer already under way instead of rendering over it, and the server keeps serving', async () => {
    const { app, count } = await appWithFailures();
    const server = app.listen(0);
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      const failed = await fetch(`${url}/half-written`)
        .then((response) => response.text())
        .then(
          () => 'complete',
          (error: unknown) => `cut: ${String((error as Error).cause ?? error)}`,
        );
      expect(failed).toMatch(/^cut:/);
      expect(count('error after the response had started, connection closed')).toBe(1);
      expect(await (await fetch(`${url}/alive`)).text()).toBe('alive');
    } finally {
      server.close();
    }
  });

  it.each([
    [
      'a body over the limit',
      'x='.padEnd(2_000, 'y'),
      'application/x-www-form-urlencoded',
      413,
      'Les données envoyées sont trop volumineuses',
    ],
    [
      'too many fields',
      Array.from({ length: 50 }, (_, index) => `f${index}=1`).join('&'),
      'application/x-www-form-urlencoded',
      413,
      'trop volumineuses',
    ],
    [
      'a charset other than UTF-8',
      'x=1',
      'application/x-www-form-urlencoded; charset=utf-16',
      415,
      'Ce format d&#39;envoi n&#39;est pas accepté',
    ],
  ])('answers %s with its own status and a page that says so, not a 500', async (_case, body, type, status, text) => {
    const { app, count } = await appWithFailures();
    const response = await request(app).post('/form').set('content-type', type).set('accept', 'text/html').send(body);
    expect(response.status).toBe(status);
    expect(response.text).toContain(text);
    expect(count('unexpected error')).toBe(0);
  });

  it('answers a lost database with a 503 in the browser’s language, logged once for the incident', async () => {
    const { app, count, availability } = await appWithFailures();
    const french = await request(app).get('/database-gone').set('accept', 'text/html');
    expect(french.status).toBe(503);
    expect(french.headers['retry-after']).toBe('5');
    expect(french.text).toContain('Service momentanément indisponible');
    const english = await request(app).get('/database-gone').set('accept', 'text/html').set('accept-language', 'en-GB,en;q=0.8');
    expect(english.text).toContain('Service temporarily unavailable');
    expect(count('database unreachable')).toBe(1);
    expect(count('unexpected error')).toBe(0);
    availability.succeeded();
    expect(count('database back')).toBe(1);
  });
});
