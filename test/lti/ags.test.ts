import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AgsHttpError, createAgsClient } from '../../src/lti/ags';

/** A small HTTP server shaped like Moodle's AGS URLs: `?type_id=` on every URL, paged line items, 409 on an older score. */
interface Received {
  method: string;
  url: string;
  authorization?: string;
  contentType?: string;
  body: string;
}

let server: http.Server;
let base: string;
const received: Received[] = [];
let scoreStatus = 200;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({
        method: req.method!,
        url: req.url!,
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        body,
      });
      const url = new URL(req.url!, base);
      if (req.method === 'GET' && url.pathname === '/mod/lti/services.php/2/lineitems') {
        const page = url.searchParams.get('page') ?? '1';
        const items =
          page === '1'
            ? [{ id: `${base}/mod/lti/services.php/2/lineitems/5/lineitem?type_id=1`, label: 'Devoir 1', scoreMaximum: 20 }]
            : [
                {
                  id: `${base}/mod/lti/services.php/2/lineitems/7/lineitem?type_id=1`,
                  label: 'Convention de stage',
                  scoreMaximum: 6,
                  tag: 'pstage-convention',
                },
              ];
        if (page === '1') res.setHeader('link', `<${base}/mod/lti/services.php/2/lineitems?type_id=1&page=2>; rel="next"`);
        res.setHeader('content-type', 'application/vnd.ims.lis.v2.lineitemcontainer+json');
        return void res.end(JSON.stringify(items));
      }
      if (req.method === 'POST' && url.pathname === '/mod/lti/services.php/2/lineitems/7/lineitem/scores') {
        res.statusCode = scoreStatus;
        return void res.end(scoreStatus === 200 ? '' : 'Refusing score with an earlier timestamp for item 7 and user 101');
      }
      res.statusCode = 404;
      res.end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  received.length = 0;
  scoreStatus = 200;
});

const client = () => createAgsClient({ token_type: 'bearer', access_token: 'tok' });
const score = {
  userId: '101',
  scoreGiven: 1,
  scoreMaximum: 6,
  comment: 'Sujet proposé',
  activityProgress: 'Started' as const,
  gradingProgress: 'FullyGraded' as const,
  timestamp: '2026-03-14T09:30:00.000Z',
};

describe('the AGS client against Moodle-shaped URLs', () => {
  it('lists every page of line items, keeping the query string of the container URL', async () => {
    const items = await client().listLineItems(`${base}/mod/lti/services.php/2/lineitems?type_id=1`, { tag: 'pstage-convention' });
    expect(items.map((item) => item.label)).toEqual(['Devoir 1', 'Convention de stage']);
    expect(received.map((request) => request.url)).toEqual([
      '/mod/lti/services.php/2/lineitems?type_id=1&tag=pstage-convention',
      '/mod/lti/services.php/2/lineitems?type_id=1&page=2',
    ]);
    expect(received[0].authorization).toBe('Bearer tok');
  });

  it("posts a score to the line item's /scores, before its query string, as a score document with the change's timestamp", async () => {
    await expect(client().submitScore(`${base}/mod/lti/services.php/2/lineitems/7/lineitem?type_id=1`, score)).resolves.toBe('accepted');
    expect(received[0]).toMatchObject({
      method: 'POST',
      url: '/mod/lti/services.php/2/lineitems/7/lineitem/scores?type_id=1',
      contentType: 'application/vnd.ims.lis.v1.score+json',
    });
    expect(JSON.parse(received[0].body)).toEqual(score);
  });

  it('tells a score refused as older (409) from a failure', async () => {
    scoreStatus = 409;
    await expect(client().submitScore(`${base}/mod/lti/services.php/2/lineitems/7/lineitem?type_id=1`, score)).resolves.toBe(
      'olderThanLatest',
    );
    scoreStatus = 503;
    const failure = await client()
      .submitScore(`${base}/mod/lti/services.php/2/lineitems/7/lineitem?type_id=1`, score)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AgsHttpError);
    expect((failure as AgsHttpError).status).toBe(503);
  });

  it('says why the LMS could not be reached', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(client().listLineItems(`http://127.0.0.1:${port}/lineitems`)).rejects.toThrow(/unreachable: .*ECONNREFUSED/);
  });

  it('gives up on an LMS that does not answer in time', async () => {
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      await expect(
        createAgsClient({ token_type: 'Bearer', access_token: 'tok' }, { timeoutMs: 200 }).listLineItems(
          `http://127.0.0.1:${port}/lineitems`,
        ),
      ).rejects.toThrow(/unreachable: no answer in time/);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
