import { useTestPstage } from '../../support/pstage';
import { submitConventionAsStudent } from '../../support/studentJourney';

const pstage = useTestPstage();

async function cacheControlOf(client: { download(path: string): Promise<{ status: number; headers: Headers }> }, path: string) {
  const served = await client.download(path);
  return { status: served.status, cacheControl: served.headers.get('cache-control') };
}

describe('what a browser, a proxy or a shared computer may keep', () => {
  it('no authenticated page, PDF or export is stored: every one says no-store', async () => {
    const { convention } = await submitConventionAsStudent(pstage);
    const student = await pstage.launch('camille-martin', 'm1-info');
    for (const path of [
      '/student',
      `/student/conventions/${convention.id}`,
      '/student/certificate',
      '/student/fiche-de-liaison.pdf',
      `/documents/conventions/${convention.id}/convention.pdf`,
    ]) {
      expect({ path, ...(await cacheControlOf(student.client, path)) }).toEqual({
        path,
        status: 200,
        cacheControl: expect.stringMatching(/no-store/),
      });
    }
    const head = await pstage.launch('jean-dupont', 'm1-info');
    const panel = head.page.url.replace(/^.*(\/programme\/\d+).*$/, '$1');
    expect(await cacheControlOf(head.client, panel)).toEqual({ status: 200, cacheControl: 'no-store' });
    const office = await pstage.launch('office', 'office');
    for (const path of ['/office', '/office/internships', '/office/internships/export.csv', `/office/conventions/${convention.id}`]) {
      expect({ path, ...(await cacheControlOf(office.client, path)) }).toEqual({ path, status: 200, cacheControl: 'no-store' });
    }
  });

  it('error pages are not stored either, and without a session nothing is', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    expect(await cacheControlOf(client, '/student/nowhere')).toEqual({ status: 404, cacheControl: 'no-store' });
    const response = await fetch(new URL('/student', pstage.url), { headers: { accept: 'text/html' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('static assets stay cacheable', async () => {
    const bootstrap = await fetch(new URL('/assets/bootstrap/css/bootstrap.min.css', pstage.url));
    expect(bootstrap.status).toBe(200);
    expect(bootstrap.headers.get('cache-control')).toBe('public, max-age=604800');
    const own = await fetch(new URL('/assets/pstage.css', pstage.url));
    expect(own.status).toBe(200);
    expect(own.headers.get('cache-control')).not.toMatch(/no-store/);
  });
});
