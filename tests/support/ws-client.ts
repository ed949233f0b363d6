import WebSocket from 'ws';
import type { Result, WireMessage } from '#contract';
import { rawDataToText } from '#hosts/web/ws-server';

export interface TestSocket {
  socket: WebSocket;
  request(method: string, input: unknown): Promise<Result<unknown>>;
  sendRaw(frame: string): Promise<WireMessage>;
  nextEvent(name: string): Promise<unknown>;
  close(): Promise<void>;
}

/** Opens the browser host's API socket as a page would; resolves with the HTTP status when refused. */
export function connectApi(url: string, origin: string | undefined): Promise<TestSocket | { refused: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, origin ? { origin } : {});
    socket.once('unexpected-response', (_request, response) => resolve({ refused: response.statusCode ?? 0 }));
    socket.once('error', (error) => reject(error));
    socket.once('open', () => {
      let nextId = 1;
      const messages: WireMessage[] = [];
      const waiters: ((m: WireMessage) => boolean)[] = [];
      socket.on('message', (data) => {
        const message = JSON.parse(rawDataToText(data)) as WireMessage;
        const index = waiters.findIndex((w) => w(message));
        if (index >= 0) waiters.splice(index, 1);
        else messages.push(message);
      });
      const waitFor = (match: (m: WireMessage) => boolean) =>
        new Promise<WireMessage>((done) => {
          const queued = messages.findIndex(match);
          if (queued >= 0) {
            done(messages.splice(queued, 1)[0] as WireMessage);
            return;
          }
          waiters.push((m) => (match(m) ? (done(m), true) : false));
        });
      resolve({
        socket,
        async request(method, input) {
          const id = nextId++;
          socket.send(JSON.stringify({ id, method, input }));
          const message = await waitFor((m) => m.type === 'result' && m.id === id);
          return (message as Extract<WireMessage, { type: 'result' }>).result;
        },
        sendRaw(frame) {
          socket.send(frame);
          return waitFor((m) => m.type === 'result');
        },
        async nextEvent(name) {
          const message = await waitFor((m) => m.type === 'event' && m.event === name);
          return (message as Extract<WireMessage, { type: 'event' }>).payload;
        },
        close: () =>
          new Promise<void>((done) => {
            socket.once('close', () => done());
            socket.close();
          }),
      });
    });
  });
}
