import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay between the functions and one emulator (dynalite, the SES server) that a test can cut
 * and restore, or slow down: the service becomes unreachable as a network failure makes it — open
 * connections drop, new ones are refused — or slow to answer, while the code under test and its SDK
 * client stay as they are.
 *
 *   const link = await switchableLink(cloud().urls.dynamodb);
 *   process.env.AWS_ENDPOINT_URL_DYNAMODB = link.url; // before the functions build their clients
 *   await link.cut(); … await link.restore();
 */
export interface SwitchableLink {
  /** The address to give the functions instead of the emulator's. */
  url: string;
  /** Drops every open connection and refuses new ones. */
  cut(): Promise<void>;
  /** Accepts connections again, on the same address. */
  restore(): Promise<void>;
  /** Holds every answer this long before passing it on (0: at once). */
  slow(milliseconds: number): void;
  /** Resolves when the next request reaches the link: something is on its way to the service. */
  requested(): Promise<void>;
  stop(): Promise<void>;
}

const listen = (server: Server, port: number) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });

export const switchableLink = async (target: string): Promise<SwitchableLink> => {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  const server = createServer((incoming) => {
    // The emulators listen on IPv4 loopback; `localhost` could resolve to ::1 first.
    const host = upstream.hostname === 'localhost' ? '127.0.0.1' : upstream.hostname;
    const outgoing = connect(Number(upstream.port), host);
    for (const socket of [incoming, outgoing]) {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => {
        sockets.delete(socket);
        incoming.destroy();
        outgoing.destroy();
      });
    }
    incoming.pipe(outgoing);
    incoming.on('data', () => {
      for (const waiter of waiters.splice(0)) waiter();
    });
    // Timers of the same delay fire in the order they were set: the bytes keep their order.
    outgoing.on('data', (chunk: Buffer) => {
      if (latency === 0) incoming.write(chunk);
      else setTimeout(() => incoming.write(chunk), latency);
    });
    outgoing.on('end', () => setTimeout(() => incoming.end(), latency));
  });
  let latency = 0;
  const waiters: (() => void)[] = [];
  const port = await listen(server, 0);
  let up = true;
  const cut = async () => {
    if (!up) return;
    up = false;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    cut,
    async restore() {
      if (up) return;
      await listen(server, port);
      up = true;
    },
    slow(milliseconds) {
      latency = milliseconds;
    },
    requested: () => new Promise((resolve) => waiters.push(resolve)),
    stop: cut,
  };
};
