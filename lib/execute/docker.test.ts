import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dockerFromEnv } from './docker';

// docker-modem's own reading of the environment, as the docker CLI reads it (TLS and ssh included).
const modem = () => (dockerFromEnv() as unknown as { modem: Record<string, unknown> }).modem;
const KEYS = ['DOCKER_HOST', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'DOCKER_CLIENT_TIMEOUT'] as const;
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));

describe('dockerFromEnv', () => {
  afterEach(() => {
    for (const k of KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  it('speaks TLS with the certificates of DOCKER_CERT_PATH when DOCKER_TLS_VERIFY=1', () => {
    const certs = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-certs-'));
    for (const f of ['ca.pem', 'cert.pem', 'key.pem']) fs.writeFileSync(path.join(certs, f), `-----BEGIN CERTIFICATE-----\n${f}\n-----END CERTIFICATE-----\n`);
    Object.assign(process.env, { DOCKER_HOST: 'tcp://docker.example:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs, DOCKER_CLIENT_TIMEOUT: '7000' });
    const m = modem();
    expect(m).toMatchObject({ host: 'docker.example', port: '2376', protocol: 'https', timeout: 7000 });
    expect(String(m.cert)).toContain('cert.pem');
    expect(String(m.key)).toContain('key.pem');
    expect(String(m.ca)).toContain('ca.pem');
    fs.rmSync(certs, { recursive: true });
  });

  it('reaches an ssh:// host as its user, and a unix:// socket by its path', () => {
    process.env.DOCKER_HOST = 'ssh://builder@docker.example:2222';
    expect(modem()).toMatchObject({ host: 'docker.example', port: '2222', protocol: 'ssh', username: 'builder' });
    process.env.DOCKER_HOST = 'unix:///run/user/1000/podman/podman.sock';
    expect(modem()).toMatchObject({ socketPath: '/run/user/1000/podman/podman.sock', host: undefined });
    process.env.DOCKER_HOST = 'tcp://127.0.0.1:2375';
    expect(modem()).toMatchObject({ host: '127.0.0.1', port: '2375', protocol: 'http' });
  });
});
