import type { PeriodId } from '../model/period.ts';
import { digestOf, type FileDigest } from './digest.ts';

/**
 * Cache keys: each stage's output is named by the digest of exactly the inputs it is made from, so
 * a changed file invalidates what depends on it and nothing else. Pure functions of digests.
 */

/** What every client's build shares: the tool, its templates and site sources, the MSP, the signer. */
export interface SharedInputs {
  /**
   * package.json version: the tool's code is keyed by its version, not by a digest of its files, so
   * a cache stays valid across checkouts of one release. Delete the cache after editing the code.
   */
  version: string;
  /** The Astro site sources (src/site, astro.config.mjs). */
  site: string;
  /** The packet templates folder in use (--templates). */
  templates: string;
  /** Control catalogs and narratives (content/). */
  content: string;
  /** data/msp.yaml. */
  msp: string;
  /** SOURCE_DATE_EPOCH when set: it is the build date written into reports and signatures. */
  sourceDateEpoch: string | null;
  /** SHA-256 of the signing certificate. */
  signer: string;
}

/** A client's own inputs: client.yaml, raci.csv, its documents and the list of its periods (every report lists them). */
export interface ClientInputs {
  client: string;
  clientYaml: string;
  raci: string | null;
  /** `<client>/policies/*.md`: policies and procedures, evidence in every period. */
  documents: FileDigest[];
  periods: PeriodId[];
}

/** The files of one period's drop folder (exports and drop.yaml), relative to the data folder. */
export interface PeriodInputs {
  period: PeriodId;
  files: FileDigest[];
}

/**
 * Report keys of a client's periods, oldest first. Each period's key contains the previous one's,
 * because the report compares against the previous period (new, persisting, fixed findings).
 */
export function reportKeys(shared: SharedInputs, client: ClientInputs, periods: PeriodInputs[]): string[] {
  const keys: string[] = [];
  let previous: string | null = null;
  for (const period of periods) {
    const key = digestOf([
      'report',
      shared.version,
      shared.content,
      shared.msp,
      shared.sourceDateEpoch,
      client.client,
      client.clientYaml,
      client.raci,
      client.documents,
      client.periods,
      period.period,
      period.files,
      previous,
    ]);
    keys.push(key);
    previous = key;
  }
  return keys;
}

/** A period's portal pages (and the client index built with them): the report and the site sources. */
export const siteKey = (shared: SharedInputs, reportKey: string): string => digestOf(['site', shared.version, shared.site, reportKey]);

/**
 * A client's own pages beside its periods (index, search page and search index): the site sources
 * and the reports of every period of the client, which those pages list and index.
 */
export const clientPagesKey = (shared: SharedInputs, reportKeys: string[]): string => digestOf(['client-pages', shared.version, shared.site, reportKeys]);

/** A period's signed packet: the report, the templates, the signer, and the signing time when fixed. */
export const packetKey = (shared: SharedInputs, reportKey: string): string =>
  digestOf(['packet', shared.version, shared.templates, shared.signer, shared.sourceDateEpoch, reportKey]);

/**
 * A period's seal (manifest, signature, certificate): the digests of the very site and packet bytes
 * it lists, the report (which holds the inputs' digests) and the previous period's manifest.
 */
export function sealKey(shared: SharedInputs, parts: { reportKey: string; site: string; packet: string; previousManifest: string | null }): string {
  return digestOf(['seal', shared.version, shared.signer, parts.reportKey, parts.site, parts.packet, parts.previousManifest]);
}
