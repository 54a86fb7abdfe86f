import { createHash, verify, X509Certificate } from 'node:crypto';
import { contextTag, derChild, derChildren, derOid, derTags, derTime, readDer, type DerNode } from './der.ts';

/**
 * Reads and checks CMS SignedData (RFC 5652) the way a PAdES validator does: the signer's message
 * digest over the content, the signature over the signed attributes with the embedded certificate,
 * the ESS signing-certificate binding, and an RFC 3161 signature time-stamp if one is attached.
 * Trust in the certificates (a CA, a TSA) is a separate question this does not answer.
 */

export const cmsOids = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  commonName: '2.5.4.3',
} as const;

/** Digest algorithm OIDs and Node's names for them. */
export const digestAlgorithms: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** RSA PKCS#1 v1.5 and ECDSA, the algorithms Node verifies from the key type alone. */
const signatureAlgorithms = new Set([
  '1.2.840.113549.1.1.1', '1.2.840.113549.1.1.11', '1.2.840.113549.1.1.12', '1.2.840.113549.1.1.13',
  '1.2.840.10045.4.3.2', '1.2.840.10045.4.3.3', '1.2.840.10045.4.3.4',
]);

export interface SignerInfo {
  /** IssuerAndSerialNumber, whole. */
  sid: DerNode;
  digestAlgorithm: string;
  /** The `[0] IMPLICIT` signed attributes, whole, or null when absent. */
  signedAttributes: DerNode | null;
  attributes: Map<string, DerNode[]>;
  signatureAlgorithm: string;
  signature: Buffer;
  unsignedAttributes: Map<string, DerNode[]>;
}

export interface SignedData {
  contentType: string;
  /** The encapsulated content, or null for a detached signature. */
  content: Buffer | null;
  certificates: Buffer[];
  signer: SignerInfo;
}

export interface CertificateInfo {
  der: Buffer;
  issuer: DerNode;
  serial: DerNode;
  commonName: string;
}

/** Parses a ContentInfo holding SignedData with one signer; throws on anything else. */
export function parseSignedData(der: Buffer): SignedData {
  const contentInfo = readDer(der);
  if (derOid(derChild(contentInfo, 0, derTags.oid)) !== cmsOids.signedData) throw new Error('CMS: not SignedData');
  const signedData = derChild(derChild(contentInfo, 1, contextTag(0)), 0, derTags.sequence);
  const parts = derChildren(signedData);
  const encapsulated = parts[2]!;
  const eContent = derChildren(encapsulated)[1];
  const certificates = parts.find((part) => part.tag === contextTag(0));
  const signerInfos = parts[parts.length - 1]!;
  if (signerInfos.tag !== derTags.set || derChildren(signerInfos).length !== 1) throw new Error('CMS: expected exactly one signer');
  return {
    contentType: derOid(derChild(encapsulated, 0, derTags.oid)),
    content: eContent ? derChild(eContent, 0, derTags.octetString).content : null,
    certificates: certificates ? derChildren(certificates).map((c) => c.raw) : [],
    signer: parseSignerInfo(derChild(signerInfos, 0, derTags.sequence)),
  };
}

function parseSignerInfo(node: DerNode): SignerInfo {
  const parts = derChildren(node);
  const signed = parts[3]!.tag === contextTag(0) ? parts[3]! : null;
  const rest = parts.slice(signed ? 4 : 3);
  const unsigned = rest[2]?.tag === contextTag(1) ? rest[2] : null;
  return {
    sid: parts[1]!,
    digestAlgorithm: derOid(derChild(parts[2]!, 0)),
    signedAttributes: signed,
    attributes: attributeMap(signed),
    signatureAlgorithm: derOid(derChild(rest[0]!, 0)),
    signature: rest[1]!.content,
    unsignedAttributes: attributeMap(unsigned),
  };
}

function attributeMap(node: DerNode | null): Map<string, DerNode[]> {
  const map = new Map<string, DerNode[]>();
  for (const attribute of node ? derChildren(node) : []) map.set(derOid(derChild(attribute, 0)), derChildren(derChild(attribute, 1, derTags.set)));
  return map;
}

export function readCertificate(der: Buffer): CertificateInfo {
  const tbs = derChildren(derChild(readDer(der), 0, derTags.sequence));
  const at = tbs[0]!.tag === contextTag(0) ? 1 : 0;
  const subject = tbs[at + 4]!;
  const cn = derChildren(subject)
    .flatMap((rdn) => derChildren(rdn))
    .find((pair) => derOid(derChild(pair, 0)) === cmsOids.commonName);
  return { der, serial: tbs[at]!, issuer: tbs[at + 2]!, commonName: cn ? derChild(cn, 1).content.toString('utf8') : 'unknown' };
}

export const digest = (algorithm: string, bytes: Buffer): Buffer => createHash(algorithm).update(bytes).digest();

export interface SignerCheck {
  problem: string | null;
  certificate: CertificateInfo | null;
}

/** Checks that `signed`'s signer signed `content` (the detached bytes, or the encapsulated content). */
export function checkSigner(signed: SignedData, content: Buffer): SignerCheck {
  const { signer } = signed;
  const certificate = signed.certificates.map(readCertificate).find((c) => Buffer.concat([c.issuer.raw, c.serial.raw]).equals(signer.sid.content)) ?? null;
  const fail = (problem: string): SignerCheck => ({ problem, certificate });
  if (!certificate) return fail('the signature embeds no certificate of its signer');
  const hashName = digestAlgorithms[signer.digestAlgorithm];
  if (!hashName || hashName === 'sha1') return fail(`unsupported digest algorithm ${signer.digestAlgorithm}`);
  if (!signatureAlgorithms.has(signer.signatureAlgorithm)) return fail(`unsupported signature algorithm ${signer.signatureAlgorithm}`);
  if (!signer.signedAttributes) return fail('the signature has no signed attributes');
  const claimed = signer.attributes.get(cmsOids.messageDigest)?.[0]?.content;
  if (!claimed || !claimed.equals(digest(hashName, content))) return fail('the signed bytes were changed after signing (digest mismatch)');
  const contentType = signer.attributes.get(cmsOids.contentType)?.[0];
  if (!contentType || derOid(contentType) !== signed.contentType) return fail('the signed content-type attribute is missing or wrong');
  const binding = certificateBinding(signer, certificate);
  if (binding) return fail(binding);
  // The signature covers the attributes DER-encoded as a SET, not with their [0] IMPLICIT tag.
  const signedBytes = Buffer.concat([Buffer.from([derTags.set]), signer.signedAttributes.raw.subarray(1)]);
  const publicKey = new X509Certificate(certificate.der).publicKey;
  return verify(hashName, signedBytes, publicKey, signer.signature) ? { problem: null, certificate } : fail('the signature does not verify with the embedded certificate');
}

/** ESS signing-certificate(-v2): the signed hash of the certificate, so it cannot be swapped. */
function certificateBinding(signer: SignerInfo, certificate: CertificateInfo): string | null {
  const v2 = signer.attributes.get(cmsOids.signingCertificateV2)?.[0];
  const v1 = signer.attributes.get(cmsOids.signingCertificate)?.[0];
  const certId = v2 ?? v1;
  if (!certId) return null;
  const first = derChild(derChild(certId, 0, derTags.sequence), 0, derTags.sequence);
  const fields = derChildren(first);
  // ESSCertIDv2's hash algorithm defaults to SHA-256 and is then omitted; ESSCertID is always SHA-1.
  const hasAlgorithm = v2 !== undefined && fields[0]!.tag === derTags.sequence;
  const algorithm = v2 ? (hasAlgorithm ? digestAlgorithms[derOid(derChild(fields[0]!, 0))] : 'sha256') : 'sha1';
  const hash = fields[hasAlgorithm ? 1 : 0]!;
  if (!algorithm) return 'the signing-certificate attribute uses an unsupported digest';
  return hash.content.equals(digest(algorithm, certificate.der)) ? null : 'the signing-certificate attribute names another certificate than the embedded one';
}

export interface TimestampCheck {
  /** When the time-stamping authority saw the signature (ISO 8601). */
  time: string | null;
  authority: string | null;
  problem: string | null;
}

/** TSTInfo's fields this project needs (RFC 3161 section 2.4.2). */
export interface TstInfo {
  hashAlgorithm: string;
  hashedMessage: Buffer;
  time: string;
  /** The nonce's INTEGER content octets, or null. */
  nonce: Buffer | null;
}

export function readTstInfo(der: Buffer): TstInfo {
  const fields = derChildren(readDer(der));
  const imprint = fields[2]!;
  // After genTime come accuracy (SEQUENCE) and ordering (BOOLEAN), both optional, then the nonce.
  const nonce = fields.slice(5).find((f) => f.tag === derTags.integer) ?? null;
  return {
    hashAlgorithm: derOid(derChild(derChild(imprint, 0, derTags.sequence), 0)),
    hashedMessage: derChild(imprint, 1, derTags.octetString).content,
    time: derTime(derChild(readDer(der), 4, derTags.generalizedTime)),
    nonce: nonce ? nonce.content : null,
  };
}

const timeStampingUsage = '1.3.6.1.5.5.7.3.8';

/**
 * What RFC 3161 (section 2.3) and a validator ask of the certificate that signed a token: it is
 * for time-stamping, the time lies within its validity, and, when the TSA's certificates are
 * given (the TSA's own or its issuer's), it is one of them or issued and signed by one of them.
 */
function timestampCertificateProblem(der: Buffer, time: string, trusted: readonly X509Certificate[]): string | null {
  const certificate = new X509Certificate(der);
  if (!(certificate.keyUsage ?? []).includes(timeStampingUsage)) return 'its certificate is not for time-stamping (no extended key usage timeStamping)';
  const at = Date.parse(time);
  if (at < Date.parse(certificate.validFrom) || at > Date.parse(certificate.validTo)) return `it was made at ${time}, outside its certificate's validity (${certificate.validFrom} to ${certificate.validTo})`;
  if (trusted.length === 0) return null;
  const known = trusted.some((t) => t.raw.equals(certificate.raw) || (certificate.checkIssued(t) && certificate.verify(t.publicKey)));
  return known ? null : `it is signed by "${certificate.subject.replace(/\n/g, ', ')}", which is neither the given TSA certificate nor issued by it`;
}

/**
 * The RFC 3161 token a signer carries as signature-time-stamp, checked against its signature
 * value, with its own signature and certificate checked; null when none. `trusted`: the TSA
 * certificates to accept (none given: any certificate for time-stamping).
 */
export function checkSignatureTimestamp(signer: SignerInfo, trusted: readonly X509Certificate[] = []): TimestampCheck | null {
  const token = signer.unsignedAttributes.get(cmsOids.signatureTimeStampToken)?.[0];
  if (!token) return null;
  let signed: SignedData;
  let info: TstInfo;
  try {
    signed = parseSignedData(token.raw);
    if (signed.contentType !== cmsOids.tstInfo || !signed.content) throw new Error('not a time-stamp token');
    info = readTstInfo(signed.content);
  } catch {
    return { time: null, authority: null, problem: 'the signature time-stamp is not a readable RFC 3161 token' };
  }
  const algorithm = digestAlgorithms[info.hashAlgorithm];
  const check = checkSigner(signed, signed.content);
  const authority = check.certificate?.commonName ?? null;
  if (!algorithm || !info.hashedMessage.equals(digest(algorithm, signer.signature))) {
    return { time: info.time, authority, problem: 'the signature time-stamp was issued for another signature (message imprint differs)' };
  }
  if (check.problem) return { time: info.time, authority, problem: `signature time-stamp: ${check.problem}` };
  const certificate = timestampCertificateProblem(check.certificate!.der, info.time, trusted);
  return { time: info.time, authority, problem: certificate && `signature time-stamp: ${certificate}` };
}
