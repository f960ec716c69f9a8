import net from 'node:net';
import { Aedes } from 'aedes';

/**
 * The broker the controller embeds (aedes), bare: no access rules, no controller, nothing else on it. The trips
 * through it are the floor of an alert's path, which crosses a broker twice (out to the player, and back).
 */
export async function startBareBroker(): Promise<{ port: number; close(): Promise<void> }> {
  const broker = await Aedes.createBroker();
  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    broker.handle(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => broker.close(() => resolve()));
      }),
  };
}
