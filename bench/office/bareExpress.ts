import express from 'express';

/**
 * The reference of the office bench: a bare express process on the same machine, in the same run. `/page` sends
 * a small HTML page, `/form` a form like a wizard step's, `/bytes?n=…` streams n bytes in chunks as the CSV export does.
 */
const app = express();
const page = `<!doctype html><html lang="fr"><head><title>Page</title></head><body><main><h1>Page</h1>${'<p>Texte</p>'.repeat(50)}</main></body></html>`;
const form = `<!doctype html><html lang="fr"><head><title>Formulaire</title></head><body><main><form method="post">${[
  'firstName',
  'lastName',
  'email',
  'phone',
  'street',
  'postalCode',
  'city',
]
  .map((name) => `<label for="${name}">${name}</label><input id="${name}" name="${name}" value="">`)
  .join('')}<button>Enregistrer</button></form></main></body></html>`;
app.get('/page', (_req, res) => {
  res.type('html').send(page);
});
app.get('/form', (_req, res) => {
  res.type('html').send(form);
});
app.get('/bytes', async (req, res) => {
  const total = Number(req.query.n) || 0;
  const chunk = Buffer.alloc(64 * 1024, 'a');
  res.type('text/csv');
  for (let sent = 0; sent < total; sent += chunk.length) {
    const part = sent + chunk.length <= total ? chunk : chunk.subarray(0, total - sent);
    if (!res.write(part)) await new Promise((resolve) => res.once('drain', resolve));
  }
  res.end();
});
const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
