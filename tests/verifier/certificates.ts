import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

/**
 * Throwaway certificates for trust tests, made with node-forge: a CA, certificates it issues,
 * self-signed ones, with the validity asked for. Nothing is written to disk.
 */

export interface TestCertificate {
  certificate: X509Certificate;
  pem: string;
  der: Buffer;
  forge: { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey };
}

export interface CertificateOptions {
  commonName: string;
  /** The issuing certificate; none: self-signed. */
  issuer?: TestCertificate;
  /** Basic constraints cA. */
  ca?: boolean;
  notBefore?: Date;
  notAfter?: Date;
}

let serial = 1;

export function makeCertificate(options: CertificateOptions): TestCertificate {
  // Node makes the RSA key natively; forge's pure-JS key generation takes seconds.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = String(serial++).padStart(2, '0');
  cert.validity.notBefore = options.notBefore ?? new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = options.notAfter ?? new Date(Date.now() + 86_400_000);
  cert.setSubject([{ name: 'commonName', value: options.commonName }]);
  cert.setIssuer(options.issuer ? options.issuer.forge.cert.subject.attributes : [{ name: 'commonName', value: options.commonName }]);
  cert.setExtensions([{ name: 'basicConstraints', cA: options.ca ?? false }]);
  cert.sign(options.issuer?.forge.key ?? key, forge.md.sha256.create());
  const pem = forge.pki.certificateToPem(cert);
  const certificate = new X509Certificate(pem);
  return { certificate, pem, der: Buffer.from(certificate.raw), forge: { cert, key } };
}
