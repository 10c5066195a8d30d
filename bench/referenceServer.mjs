// The reference y-websocket server (@y/websocket-server 0.1.1, in memory, as shipped) behind the
// same URL shape as Boussole, /collab/<room>. Plain JavaScript so that it runs on bare Node like
// Boussole's built server: no TypeScript loader adds to its CPU or memory.
import http from 'node:http';
import { register } from 'node:module';
import { WebSocketServer } from 'ws';

// The package imports y-leveldb at load time, for persistence it only uses when YPERSISTENCE is
// set. The workspace does not install LevelDB (a native module nothing else needs), so that one
// import resolves to a stub that fails loudly if it were ever used; everything else runs as
// shipped.
const stubbedLeveldb = `export class LeveldbPersistence {
  constructor() { throw new Error('y-leveldb is not installed: run without YPERSISTENCE'); }
}`;
const hooks = `export async function resolve(specifier, context, next) {
  if (specifier === 'y-leveldb') {
    return { url: 'data:text/javascript,' + encodeURIComponent(${JSON.stringify(stubbedLeveldb)}), shortCircuit: true };
  }
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
const { setupWSConnection } = await import('@y/websocket-server/utils');

// Usage: node referenceServer.mjs <port> (0: any free port). Listens on 127.0.0.1 only.
const port = Number(process.argv[2] ?? '0');
const host = '127.0.0.1';
const prefix = '/collab/';

const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end('reference y-websocket server\n');
});
const wss = new WebSocketServer({ noServer: true });

server.on('upgrade', (request, socket, head) => {
  const path = (request.url ?? '').split('?')[0] ?? '';
  if (!path.startsWith(prefix) || path.length === prefix.length) {
    socket.destroy();
    return;
  }
  const docName = decodeURIComponent(path.slice(prefix.length));
  wss.handleUpgrade(request, socket, head, (conn) => {
    setupWSConnection(conn, request, { docName });
  });
});

server.listen(port, host, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  process.stdout.write(`${JSON.stringify({ msg: 'reference is listening', port: actual })}\n`);
});

const stop = () => {
  for (const client of wss.clients) client.terminate();
  server.close(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
