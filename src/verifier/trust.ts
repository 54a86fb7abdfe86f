import { X509Certificate } from 'node:crypto';

/**
 * Whether to trust who signed: the signing certificate checked against the trust anchors an
 * auditor gives (`--trust FILE.pem`: a CA's certificate, or the signer's own, self-signed, as the
 * MSP published it). The certificate must be an anchor itself or be issued and signed by one that
 * is a CA, and both must have been valid when the packet was signed. The packet embeds only the
 * signing certificate, so any intermediate CA belongs in the anchors file. Without anchors the
 * signer's identity is unverified, and the certificate's SHA-256 fingerprint is given so it can be
 * compared with one the MSP published.
 */

/** When the packet was signed, and how that is known. */
export interface SigningMoment {
  /** ISO 8601. */
  time: string;
  /** "the signature time-stamp", "the signing time the PDF claims", … */
  source: string;
}

export interface TrustCheck {
  /** SHA-256 of the certificate's DER, as `openssl x509 -fingerprint -sha256` prints it (AA:BB:…). */
  fingerprint: string;
  /** The subject of the anchor the certificate chains to; null when no anchors were given or none fits. */
  anchor: string | null;
  /** Why the certificate is not trusted, when anchors were given; null when it is or none were given. */
  problem: string | null;
}

const subjectOf = (certificate: X509Certificate): string => `"${certificate.subject.replace(/\n/g, ', ')}"`;

function validityProblem(certificate: X509Certificate, moment: SigningMoment): string | null {
  const at = Date.parse(moment.time);
  if (at < Date.parse(certificate.validFrom)) return `${subjectOf(certificate)} was not yet valid when the packet was signed (${moment.time}, ${moment.source}; valid from ${certificate.validFrom})`;
  if (at > Date.parse(certificate.validTo)) return `${subjectOf(certificate)} had expired when the packet was signed (${moment.time}, ${moment.source}; valid until ${certificate.validTo})`;
  return null;
}

/** The anchor that vouches for `certificate`, or why none does. */
function findAnchor(certificate: X509Certificate, anchors: readonly X509Certificate[]): { anchor: X509Certificate } | { problem: string } {
  const itself = anchors.find((anchor) => anchor.raw.equals(certificate.raw));
  if (itself) return { anchor: itself };
  const named = anchors.filter((anchor) => certificate.checkIssued(anchor));
  const signing = named.find((anchor) => certificate.verify(anchor.publicKey));
  if (!signing) {
    return {
      problem: named.length > 0
        ? `${subjectOf(certificate)} names ${subjectOf(named[0]!)} as its issuer, but that certificate's key did not sign it`
        : `${subjectOf(certificate)} is issued by "${certificate.issuer.replace(/\n/g, ', ')}", which is not among the trust anchors given, nor is the certificate itself`,
    };
  }
  if (!signing.ca) return { problem: `${subjectOf(signing)} signed ${subjectOf(certificate)} but is not a CA certificate (basic constraints), so it cannot vouch for it` };
  return { anchor: signing };
}

export function checkTrust(certificateDer: Buffer, anchors: readonly X509Certificate[], moment: SigningMoment): TrustCheck {
  const certificate = new X509Certificate(certificateDer);
  const fingerprint = certificate.fingerprint256;
  if (anchors.length === 0) return { fingerprint, anchor: null, problem: null };
  const found = findAnchor(certificate, anchors);
  if ('problem' in found) return { fingerprint, anchor: null, problem: found.problem };
  const expired = validityProblem(certificate, moment) ?? validityProblem(found.anchor, moment);
  return { fingerprint, anchor: expired ? null : subjectOf(found.anchor), problem: expired };
}
