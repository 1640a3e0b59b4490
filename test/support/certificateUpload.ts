import { BrowserlessClient } from './browserlessClient';

export function cookieHeader(client: BrowserlessClient): string {
  return [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
}

/** The student starts a draft convention from their home, through the real form; returns its id. */
export async function startDraftConvention(client: BrowserlessClient): Promise<number> {
  const home = await client.request('/student');
  const started = await client.request('/student/conventions', { form: { _csrf: BrowserlessClient.csrfToken(home.text) } });
  const id = Number(/\/student\/conventions\/(\d+)/.exec(started.location ?? '')?.[1]);
  if (!id) throw new Error(`startDraftConvention: ${started.status}`);
  return id;
}

/**
 * Posts the certificate form as a browser would: multipart, in the form's order (the CSRF token first, then the
 * convention the page preselects, or the one given; `null` sends none; then the file).
 */
export async function uploadCertificateForm(
  client: BrowserlessClient,
  bytes: Buffer,
  filename: string,
  options: { type?: string; conventionId?: number | null } = {},
) {
  const page = await client.request('/student/certificate');
  const action = /<form method="post" action="([^"]+)" enctype="multipart\/form-data"/.exec(page.text)?.[1];
  if (!action) throw new Error('No upload form');
  const preselected = /<option value="(\d+)" selected>/.exec(page.text)?.[1];
  const conventionId =
    options.conventionId === undefined ? preselected : options.conventionId === null ? undefined : String(options.conventionId);
  const form = new FormData();
  form.append('_csrf', BrowserlessClient.csrfToken(page.text));
  if (conventionId) form.append('conventionId', conventionId);
  form.append('certificate', new Blob([new Uint8Array(bytes)], { type: options.type ?? 'application/pdf' }), filename);
  const response = await fetch(new URL(action, client.baseUrl), {
    method: 'POST',
    body: form,
    headers: { cookie: cookieHeader(client), accept: 'text/html' },
    redirect: 'manual',
  });
  await response.text();
  return { status: response.status, location: response.headers.get('location') };
}
