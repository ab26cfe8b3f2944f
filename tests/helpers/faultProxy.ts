// A TCP proxy between a desktop and the sync server that can cut a connection in the middle:
// after N bytes of a matching request going up, or of its answer coming down (the server has
// committed, the desktop never hears it). One cut per arm().
import net from 'node:net';

export interface Cut {
  /** Only connections whose request starts like this ("POST /v1/push"). */
  request: string;
  direction: 'up' | 'down';
  afterBytes: number;
}

export interface FaultProxy {
  url: string;
  arm(cut: Cut | null): void;
  /** How many cuts happened. */
  cuts: number;
  close(): Promise<void>;
}

export async function startFaultProxy(targetPort: number): Promise<FaultProxy> {
  let armed: Cut | null = null;
  // Bumped on every arm(): a cut left pending on a kept-alive connection is forgotten.
  let generation = 0;
  const sockets = new Set<net.Socket>();
  const proxy: FaultProxy = {
    url: '',
    cuts: 0,
    arm: (cut) => {
      armed = cut ?? null;
      generation++;
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    let cut: Cut | null = null;
    let cutGeneration = -1;
    let counted = 0;
    const kill = () => {
      proxy.cuts++;
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (chunk: Buffer) => {
      if (cut && cutGeneration !== generation) cut = null;
      if (!cut && armed && chunk.toString('latin1').includes(armed.request)) {
        cut = armed;
        cutGeneration = generation;
        armed = null;
        counted = 0;
      }
      if (cut?.direction === 'up') {
        if (counted + chunk.length > cut.afterBytes) {
          upstream.write(chunk.subarray(0, Math.max(0, cut.afterBytes - counted)));
          return kill();
        }
        counted += chunk.length;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (cut && cutGeneration !== generation) cut = null;
      if (cut?.direction === 'down') {
        if (counted + chunk.length > cut.afterBytes) {
          client.write(chunk.subarray(0, Math.max(0, cut.afterBytes - counted)));
          return kill();
        }
        counted += chunk.length;
      }
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  return proxy;
}
