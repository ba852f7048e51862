/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago), for "the server is down" tests. */
import { createServer } from 'node:net';

export async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
