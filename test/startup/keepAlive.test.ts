import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config';
import { answerWhileStarting, keepAliveTimeoutMs } from '../../src/pstage';
import { startTestPstage, type TestPstage } from '../support/pstage';

let pstage: TestPstage;
beforeAll(async () => {
  pstage = await startTestPstage({}, { host: '127.0.0.1' });
});
afterAll(async () => pstage?.stop());

function get(url: string, agent: http.Agent): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    http.get(url, { agent }, (response) => response.resume().on('end', () => resolve(response))).on('error', reject);
  });
}

it('keeps an idle connection open longer than clients and proxies keep theirs (60 s), so it never closes one they are reusing', async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const first = await get(`${pstage.url}/health`, agent);
    expect(first.headers['keep-alive']).toBe(`timeout=${keepAliveTimeoutMs / 1000}`);
    expect(keepAliveTimeoutMs).toBeGreaterThan(60_000);
    expect(pstage.server.keepAliveTimeout).toBe(keepAliveTimeoutMs);
    const second = await get(`${pstage.url}/health`, agent);
    expect(second.socket).toBe(first.socket);
  } finally {
    agent.destroy();
  }
});

it('listens on the address HOST names (every interface when unset)', () => {
  expect((pstage.server.address() as AddressInfo).address).toBe('127.0.0.1');
  expect(loadConfig({ HOST: '127.0.0.1' }).host).toBe('127.0.0.1');
  expect(loadConfig({}).host).toBeUndefined();
});

it('answers 503 while it starts (before the migrations are done), /health saying "starting"', async () => {
  const server = http.createServer(answerWhileStarting);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const health = await fetch(`${base}/health`);
    expect({ status: health.status, retry: health.headers.get('retry-after'), body: await health.json() }).toEqual({
      status: 503,
      retry: '1',
      body: { status: 'starting' },
    });
    const page = await fetch(`${base}/student`);
    expect({ status: page.status, body: await page.text() }).toEqual({ status: 503, body: 'Pstage is starting' });
  } finally {
    server.close();
  }
});
