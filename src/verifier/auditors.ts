/**
 * AUDITORS.txt: how to check a packet folder with common tools, naming this packet's own files.
 * Every line that starts with "$ " is a command; tests run them all in a real packet folder.
 */

export interface AuditorsTextOptions {
  client: string;
  period: string;
  /** File name of the signed packet PDF in the folder. */
  pdf: string;
}

export function auditorsText({ client, period, pdf }: AuditorsTextOptions): string {
  const here = `packets/${client}/${period}`;
  return `HOW TO CHECK THIS PACKET
========================

This folder holds one sealed period of a Proofbook compliance packet:
client ${client}, period ${period}.

  ${pdf}
                     the signed compliance packet (PDF, PAdES signature)
  manifest.json      SHA-256 of every file of this period's portal and packet
                     (and of the input files it was built from)
  manifest.sig       signature of the exact bytes of manifest.json (SHA-256)
  signer.pem         the certificate that made both signatures
  verify-packet.mjs  a verifier that needs only Node.js 18 or newer
  AUDITORS.txt       this text

Paths in manifest.json start at the folder three levels above this one, which
holds sites/ (the portal) and packets/. Keep that layout when you unpack the
archive. Run the commands below in this folder (${here}).
The checker ships with the packet, so also make at least one independent check
(steps 2 to 5) with tools you trust.

1. Everything at once (Node.js 18+, no install, no network):

$ node verify-packet.mjs

   It lists what it checked and ends with "VERDICT: INTACT" (exit code 0) or
   with the problems found and "VERDICT: NOT INTACT" (exit code 1).

   Who signed is checked only against a certificate you trust. Without one,
   its "Trust:" line says UNVERIFIED, and its "Identity:" line gives the
   signing certificate's SHA-256 fingerprint to compare with the one your MSP
   published (step 6). Given your MSP's CA certificate, or the signing
   certificate they published, in a PEM file:

     node verify-packet.mjs --trust msp-ca.pem

   it says "Trust: trusted" when the signing certificate is that certificate
   or issued by it, and was valid when the packet was signed (at the
   time-stamp's time, else at the signing time the PDF claims); otherwise the
   verdict is NOT INTACT.

2. The PDF signature, with poppler's pdfsig:

$ pdfsig ${pdf}

   Expect "Signature is Valid", "Total document signed" and the signature type
   "ETSI.CAdES.detached" (PAdES). "Certificate issuer is unknown" only means
   the certificate is not issued by a CA your computer trusts: compare it with
   the one your MSP gave you (step 6).

3. The manifest signature, with OpenSSL:

$ openssl x509 -in signer.pem -pubkey -noout > /tmp/signer.pub
$ openssl dgst -sha256 -verify /tmp/signer.pub -signature manifest.sig manifest.json

   Expect "Verified OK".

4. Every file against its SHA-256 in the manifest (sha256sum, with jq):

$ (cd ../../.. && jq -r '.outputs[] | "\\(.sha256)  \\(.path)"' ${here}/manifest.json | sha256sum --check --quiet)

   No output and exit code 0 means every file matches. Without jq, run
   "sha256sum FILE" and compare with the file's "sha256" in manifest.json.

5. The PDF signature again, with OpenSSL's CMS tool instead of poppler:
   cut out the signed bytes and the signature the /ByteRange names, then verify.

$ set -- $(grep -a -o '/ByteRange *\\[[0-9 ]*\\]' ${pdf} | tail -n 1 | tr -c '0-9' ' ')
$ head -c "$2" ${pdf} > /tmp/signed.bin
$ tail -c +"$(($3 + 1))" ${pdf} | head -c "$4" >> /tmp/signed.bin
$ head -c "$(($3 - 1))" ${pdf} | tail -c +"$(($2 + 2))" | xxd -r -p > /tmp/signature.p7s
$ openssl cms -verify -binary -inform DER -in /tmp/signature.p7s -content /tmp/signed.bin -noverify -out /dev/null

   Expect "CMS Verification successful". -noverify skips the certificate
   chain; to check that too, drop it and add -CAfile with your CA's
   certificate. To see the signed attributes (content type, message digest,
   the signing certificate's hash) and a time-stamp token if there is one:

$ openssl cms -cmsout -print -inform DER -in /tmp/signature.p7s | grep -E 'object:|genTime' || true

6. The signer's certificate:

$ openssl x509 -in signer.pem -noout -subject -issuer -dates -fingerprint -sha256

   Compare the fingerprint with the one your MSP gave you by another channel
   (verify-packet.mjs prints the same one on its "Identity:" line).
   A subject "Proofbook development key (not for submission)" marks a test
   build: such a packet is not for submission.

7. The chain of quarters: "previous" in manifest.json holds the SHA-256 of the
   previous period's manifest.json of the same client. Against that period's
   archive, "sha256sum packets/${client}/<previous period>/manifest.json" must
   print the same value. verify-packet.mjs (step 1) checks the chain itself
   when the earlier periods are at hand: their packet folders beside this one,
   or their archives (${client}-<period>.zip) in the folder this archive was
   unpacked into or the one above it. Its "Chain:" line names the first broken
   link, as "proofbook verify" does.
`;
}
