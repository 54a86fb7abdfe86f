import { createPrivateKey, sign, X509Certificate } from 'node:crypto';
import { cmsOids, digest, readCertificate } from '../verifier/cms.ts';
import { algorithm, context, der, objectId, octetString, sequence, setOf, unsignedInteger } from './der-encode.ts';

/**
 * A CAdES detached signature as PAdES baseline B-B asks for it (ETSI EN 319 142-1, table 1):
 * signed attributes content-type (id-data), message-digest and ESS signing-certificate-v2
 * (the SHA-256 of the signing certificate, with its issuer and serial), the signing certificate
 * embedded, and no signing-time attribute: PAdES takes the claimed time from the signature
 * dictionary's /M. An RFC 3161 token over the signature value can be added as the unsigned
 * attribute signature-time-stamp, which makes it B-T.
 */

const sha256Oid = '2.16.840.1.101.3.4.2.1';
const signatureAlgorithmFor = {
  // sha256WithRSAEncryption carries NULL parameters; ecdsa-with-SHA256 none (RFC 4055, RFC 5758).
  rsa: sequence(objectId('1.2.840.113549.1.1.11'), der(0x05)),
  ec: algorithm('1.2.840.10045.4.3.2'),
} as const;

export interface CadesOptions {
  /** SHA-256 of the bytes signed: for a PDF, the document without the signature's Contents. */
  contentDigest: Buffer;
  certificatePem: string;
  privateKeyPem: string;
  /** Returns an RFC 3161 time-stamp token (DER) for the signature value. */
  timestamp?: (signatureValue: Buffer) => Promise<Buffer>;
}

const attribute = (oid: string, value: Buffer): Buffer => sequence(objectId(oid), setOf(value));

export async function createCadesSignature(options: CadesOptions): Promise<Buffer> {
  const certificateDer = Buffer.from(new X509Certificate(options.certificatePem).raw);
  const certificate = readCertificate(certificateDer);
  const privateKey = createPrivateKey(options.privateKeyPem);
  const keyType = privateKey.asymmetricKeyType;
  if (keyType !== 'rsa' && keyType !== 'ec') throw new Error(`signing keys of type ${keyType} are not supported; use RSA or EC`);

  // ESSCertIDv2 leaves out its hash algorithm when it is the default, SHA-256 (DER omits defaults).
  const issuerSerial = sequence(sequence(context(4, certificate.issuer.raw)), certificate.serial.raw);
  const signingCertificateV2 = sequence(sequence(sequence(octetString(digest('sha256', certificateDer)), issuerSerial)));
  const attributes = [
    attribute(cmsOids.contentType, objectId(cmsOids.data)),
    attribute(cmsOids.messageDigest, octetString(options.contentDigest)),
    attribute(cmsOids.signingCertificateV2, signingCertificateV2),
  ];
  // Signed as a SET; carried in the SignerInfo as [0] IMPLICIT with the same content.
  const signedAttributes = setOf(...attributes);
  const signatureValue = sign('sha256', signedAttributes, privateKey);
  const token = options.timestamp ? await options.timestamp(signatureValue) : null;

  const signerInfo = sequence(
    unsignedInteger(Buffer.from([1])),
    sequence(certificate.issuer.raw, certificate.serial.raw),
    algorithm(sha256Oid),
    Buffer.concat([Buffer.from([0xa0]), signedAttributes.subarray(1)]),
    signatureAlgorithmFor[keyType],
    octetString(signatureValue),
    ...(token ? [context(1, attribute(cmsOids.signatureTimeStampToken, token))] : []),
  );
  const signedData = sequence(
    unsignedInteger(Buffer.from([1])),
    setOf(algorithm(sha256Oid)),
    sequence(objectId(cmsOids.data)),
    context(0, certificateDer),
    setOf(signerInfo),
  );
  return sequence(objectId(cmsOids.signedData), context(0, signedData));
}
