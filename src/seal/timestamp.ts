import { randomBytes } from 'node:crypto';
import { UserError } from '../cli/user-error.ts';
import { checkSigner, cmsOids, digest, parseSignedData, readTstInfo } from '../verifier/cms.ts';
import { derChild, derChildren, derTags, readDer } from '../verifier/der.ts';
import { algorithm, booleanTrue, octetString, sequence, unsignedInteger } from './der-encode.ts';

/**
 * RFC 3161 client: asks the time-stamping authority at `url` for a token over the SHA-256 of a
 * signature value, and accepts it only when it is granted, carries our nonce and imprint, and
 * its own signature verifies.
 */

export const timestampEnv = 'PROOFBOOK_TSA_URL';

const sha256Oid = '2.16.840.1.101.3.4.2.1';
const statusWords = ['granted', 'granted with modifications', 'rejection', 'waiting', 'revocation warning', 'revocation notification'];

export async function requestTimestamp(url: string, signatureValue: Buffer): Promise<Buffer> {
  const imprint = digest('sha256', signatureValue);
  const nonce = randomBytes(8);
  const request = sequence(unsignedInteger(Buffer.from([1])), sequence(algorithm(sha256Oid), octetString(imprint)), unsignedInteger(nonce), booleanTrue());
  const problem = (what: string) => new UserError(`the time-stamping authority ${url} (${timestampEnv}) ${what}`, `Check the URL, or unset ${timestampEnv} to sign without a time-stamp (PAdES B-B instead of B-T).`);
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/timestamp-query' }, body: new Uint8Array(request), signal: AbortSignal.timeout(30_000) });
  } catch (cause) {
    throw problem(`cannot be reached: ${(cause as Error).message}`);
  }
  if (!response.ok) throw problem(`answered HTTP ${response.status} ${response.statusText}`);
  const body = Buffer.from(await response.arrayBuffer());
  let token: Buffer;
  try {
    const parts = derChildren(readDer(body));
    const status = derChild(parts[0]!, 0, derTags.integer).content.readUIntBE(0, 1);
    if (status > 1) throw problem(`refused the request (${statusWords[status] ?? `status ${status}`})`);
    token = parts[1]!.raw;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw problem('answered something that is not an RFC 3161 time-stamp response');
  }
  const signed = parseSignedData(token);
  const info = signed.contentType === cmsOids.tstInfo && signed.content ? readTstInfo(signed.content) : null;
  if (!info || !info.hashedMessage.equals(imprint) || !info.nonce || !Buffer.from(unsignedInteger(nonce)).subarray(2).equals(info.nonce)) {
    throw problem('returned a token for another request (imprint or nonce differs)');
  }
  const check = checkSigner(signed, signed.content!);
  if (check.problem) throw problem(`returned a token whose signature does not hold: ${check.problem}`);
  return token;
}
