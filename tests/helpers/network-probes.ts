import { spawnSync } from 'node:child_process';
import dgram from 'node:dgram';
import net from 'node:net';
import os from 'node:os';

// Listeners on this machine that a sandboxed notebook must not reach: a TCP server and a DNS server
// (answering every A query) on the loopback and on another address of the machine. They record
// whatever reaches them. Never an address outside this machine.

export interface Probes {
  targets: Array<{ host: string; tcpPort: number; dnsPort: number }>;
  /** Everything that reached a listener, e.g. "tcp 192.0.2.2", "dns 127.0.0.1". */
  seen(): string[];
  close(): Promise<void>;
}

const DUMMY = { name: 'vizmine-probe0', address: '10.213.77.1' };

/** The machine's first non-loopback IPv4 address; without one, a dummy interface made here (needs root and iproute2). */
function otherHostAddress(): { address: string; cleanup(): void } {
  const found = Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal);
  if (found) return { address: found.address, cleanup: () => {} };
  const ip = (...args: string[]) => spawnSync('ip', args, { encoding: 'utf8' });
  const add = ip('link', 'add', DUMMY.name, 'type', 'dummy');
  if (add.status !== 0) throw new Error(`no non-loopback address on this machine, and creating one failed (needs root and iproute2): ${add.stderr || add.error}`);
  ip('addr', 'add', `${DUMMY.address}/32`, 'dev', DUMMY.name);
  ip('link', 'set', DUMMY.name, 'up');
  return { address: DUMMY.address, cleanup: () => void ip('link', 'del', DUMMY.name) };
}

export async function startProbes(): Promise<Probes> {
  const other = otherHostAddress();
  const seen: string[] = [];
  const closers: Array<() => Promise<void>> = [];
  const targets: Probes['targets'] = [];
  for (const host of ['127.0.0.1', other.address]) {
    const tcp = net.createServer((s) => {
      seen.push(`tcp ${host}`);
      s.destroy();
    });
    await new Promise<void>((r) => tcp.listen(0, host, r));
    const udp = dgram.createSocket('udp4');
    udp.on('message', (msg, from) => {
      seen.push(`dns ${host}`);
      udp.send(dnsAnswer(msg, host), from.port, from.address);
    });
    await new Promise<void>((r) => udp.bind(0, host, r));
    targets.push({ host, tcpPort: (tcp.address() as net.AddressInfo).port, dnsPort: udp.address().port });
    closers.push(() => new Promise((r) => tcp.close(() => r())), () => new Promise((r) => udp.close(() => r())));
  }
  return {
    targets,
    seen: () => [...seen],
    async close() {
      await Promise.all(closers.map((c) => c()));
      other.cleanup();
    },
  };
}

/** A DNS response to `query` with one A record: `address`, whatever name was asked. */
function dnsAnswer(query: Buffer, address: string): Buffer {
  const header = Buffer.from(query.subarray(0, 12));
  header.writeUInt16BE(0x8180, 2); // a response, recursion available, no error
  header.writeUInt16BE(1, 6); // one answer
  const record = Buffer.from([0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, ...address.split('.').map(Number)]);
  return Buffer.concat([header, query.subarray(12), record]);
}
