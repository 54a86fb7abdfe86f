/**
 * `proofbook verify` checks the chain of quarters with the offline verifier's own code, so the
 * check an auditor runs from the packet folder and the one Proofbook runs are the same.
 */
export { checkChain, type ChainCheck, type ChainLink } from '../verifier/chain.ts';
