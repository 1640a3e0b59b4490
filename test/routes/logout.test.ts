import { sessions } from '../../src/models/schema';
import { sessionCookieName } from '../../src/middleware/session';
import { BrowserlessClient } from '../support/browserlessClient';
import { useTestPstage } from '../support/pstage';

const pstage = useTestPstage();

describe('logging out', () => {
  it('is offered on every page with a session, with the warning about shared computers', async () => {
    const { page } = await pstage.launch('camille-martin', 'm1-info');
    expect(page.text).toMatch(
      /<form method="post" action="\/logout"[^>]*>\s*<input type="hidden" name="_csrf" value="[^"]+">\s*<button type="submit"[^>]*>Se déconnecter<\/button>/,
    );
    expect(page.text).toContain('Sur un ordinateur partagé, déconnectez-vous : fermer l&#39;onglet d&#39;e-campus ne suffit pas.');
  });

  it('ends the session at once: the old cookie opens nothing, and the page says what else a shared computer needs', async () => {
    const { client, page } = await pstage.launch('camille-martin', 'm1-info');
    const cookie = client.cookies.get(sessionCookieName)!;
    const loggedOut = await client.request('/logout', { form: { _csrf: BrowserlessClient.csrfToken(page.text) } });
    expect(loggedOut).toMatchObject({ status: 303, location: '/logged-out?lang=fr' });
    expect(client.cookies.has(sessionCookieName)).toBe(false);
    expect(await pstage.database.db.select().from(sessions)).toEqual([]);
    const after = await client.request(loggedOut.location!);
    expect(after.status).toBe(200);
    expect(after.text).toContain('Vous êtes déconnecté de Pstage');
    expect(after.text).toContain('fermer l&#39;onglet d&#39;e-campus ne suffit pas : déconnectez-vous aussi d&#39;e-campus');
    expect(after.text).not.toContain('action="/logout"');
    const replayed = await fetch(new URL('/student', pstage.url), {
      headers: { cookie: `${sessionCookieName}=${cookie}` },
      redirect: 'manual',
    });
    expect(replayed.status).toBe(401);
  });

  it('needs the page’s CSRF token: a forged post leaves the session open', async () => {
    const { client } = await pstage.launch('camille-martin', 'm1-info');
    expect((await client.request('/logout', { form: { _csrf: 'forged' } })).status).toBe(403);
    expect((await client.request('/student')).status).toBe(200);
  });

  it('says it in English to a user who launched in English', async () => {
    const { client, page } = await pstage.launch('elodie-lefevre', 'm1-info');
    expect(page.text).toContain('>Log out</button>');
    const loggedOut = await client.request('/logout', { form: { _csrf: BrowserlessClient.csrfToken(page.text) } });
    const after = await client.request(loggedOut.location!);
    expect(after.text).toContain('You are logged out of Pstage');
    expect(after.text).toContain('On a shared computer, closing the e-campus tab is not enough');
  });
});
