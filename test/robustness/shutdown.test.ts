import net from 'node:net';
import { BrowserlessClient } from '../support/browserlessClient';
import { startTestPstage } from '../support/pstage';

/** A raw HTTP/1.1 client that sends the headers first, the body later: a request the server holds in progress. */
function openRequest(port: number, head: string) {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (received += chunk));
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.on('error', () => undefined);
  socket.write(head);
  return {
    socket,
    closed,
    received: () => received,
    async waitFor(text: string) {
      while (!received.includes(text)) {
        await new Promise<void>((resolve, reject) => {
          socket.once('data', () => resolve());
          socket.once('close', () => (received.includes(text) ? resolve() : reject(new Error(`closed before "${text}": ${received}`))));
        });
      }
    },
  };
}

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });
}

describe('graceful shutdown', () => {
  it('stops accepting connections, lets a request in progress finish, and cuts one that overstays the grace', async () => {
    const pstage = await startTestPstage({}, { shutdownGraceMs: 1_000 });
    let stopping: Promise<void> | undefined;
    try {
      await pstage.reset();
      const { client, page } = await pstage.launch('camille-martin', 'm1-info');
      const port = Number(new URL(pstage.url).port);
      const cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
      const body = `_csrf=${encodeURIComponent(BrowserlessClient.csrfToken(page.text))}`;
      const head = (length: number) =>
        `POST /student/conventions HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${length}\r\nExpect: 100-continue\r\n\r\n`;
      // "100 Continue" means the server has read the headers: the request is in progress, waiting for its body.
      const finishing = openRequest(port, head(body.length));
      const overstaying = openRequest(port, head(1_000));
      await finishing.waitFor('100 Continue');
      await overstaying.waitFor('100 Continue');

      stopping = pstage.stop();
      while (!(await refusesConnections(port))) await new Promise((resolve) => setTimeout(resolve, 20));

      finishing.socket.write(body);
      await finishing.closed;
      const response = finishing.received().slice(finishing.received().indexOf('\r\n\r\n') + 4);
      expect(response).toMatch(/^HTTP\/1\.1 303 /);
      expect(response).toMatch(/\r\nLocation: \/student\/conventions\/\d+\/personal\r\n/i);
      expect(response).toMatch(/\r\nConnection: close\r\n/i);

      const started = Date.now();
      await overstaying.closed;
      expect(overstaying.received()).not.toMatch(/HTTP\/1\.1 [2-5]\d\d/);
      await stopping;
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await (stopping ?? pstage.stop());
    }
  });
});
