import http from 'node:http';
import { keepAliveTimeoutMs } from '../../src/pstage';
import { startTestPstage, type TestPstage } from '../support/pstage';

let pstage: TestPstage;
beforeAll(async () => {
  pstage = await startTestPstage();
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
