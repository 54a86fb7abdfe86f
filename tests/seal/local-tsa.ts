import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A real RFC 3161 time-stamping authority on loopback: OpenSSL's `ts -reply` behind a tiny HTTP
 * server, with a throwaway TSA key and certificate (extendedKeyUsage critical timeStamping) made
 * by openssl in a temporary folder.
 */
export interface LocalTsa {
  url: string;
  /** Requests answered so far. */
  requests: number;
  certificatePem: string;
  close(): Promise<void>;
}

const config = (dir: string) => `
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = Proofbook test TSA
[ tsa_ext ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, timeStamping
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
dir = ${dir}
serial = ${dir}/serial
crypto_device = builtin
signer_cert = ${dir}/tsa.pem
signer_key = ${dir}/tsa.key
signer_digest = sha256
default_policy = 1.3.6.1.4.1.99999.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;

export async function startLocalTsa(): Promise<LocalTsa> {
  const dir = await mkdtemp(path.join(tmpdir(), 'proofbook-tsa-'));
  const cnf = path.join(dir, 'tsa.cnf');
  await writeFile(cnf, config(dir));
  await writeFile(path.join(dir, 'serial'), '01\n');
  await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'tsa.key'), '-out', path.join(dir, 'tsa.pem'), '-days', '2', '-config', cnf, '-extensions', 'tsa_ext']);
  let sequence = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const id = ++sequence;
      const query = path.join(dir, `q${id}.tsq`);
      const reply = path.join(dir, `r${id}.tsr`);
      try {
        await writeFile(query, Buffer.concat(chunks));
        await run('openssl', ['ts', '-reply', '-config', cnf, '-queryfile', query, '-out', reply]);
        tsa.requests++;
        response.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(await readFile(reply));
      } catch (error) {
        response.writeHead(500).end(String(error));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const tsa: LocalTsa = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`,
    requests: 0,
    certificatePem: await readFile(path.join(dir, 'tsa.pem'), 'utf8'),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
  return tsa;
}
