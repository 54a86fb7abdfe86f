/**
 * `proofbook verify` checks PDF signatures with the offline verifier's own code, so the check an
 * auditor runs from the packet folder and the one Proofbook runs are the same.
 */
export { checkPdfSignature, type PdfSignatureCheck } from '../verifier/pdf.ts';
