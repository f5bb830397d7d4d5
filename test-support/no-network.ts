// Tests talk to loopback only: any other connection is refused loudly, so a test that
// would need the internet fails here instead of passing on a developer's laptop.
import net from 'node:net';
// Likewise offline: dependency checks read the shared advisories, not the internet.
import './advisories.js';

const LOOPBACK = /^(?:127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/i;

const original = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(this: net.Socket, ...args: unknown[]) {
  const [first, second] = args;
  const options = (typeof first === 'object' && first !== null ? first : {}) as { host?: string; path?: string; port?: number };
  const host = typeof first === 'number' ? (typeof second === 'string' ? second : 'localhost') : options.host ?? 'localhost';
  if (!options.path && !LOOPBACK.test(host)) {
    throw new Error(`test tried to reach ${host}: only loopback is allowed in tests`);
  }
  return (original as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;
