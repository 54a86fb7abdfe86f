import { stat } from 'node:fs/promises';
import path from 'node:path';
import { loadEvidenceRules } from '../assess/controls/load-rules.ts';
import type { EvidenceRule } from '../assess/controls/rule-file.ts';
import { UserError } from '../cli/user-error.ts';
import { findControl } from '../frameworks/lookups.ts';
import { loadFrameworks, type Frameworks } from '../frameworks/load.ts';
import { sha256File, type ClientDrop } from '../ingest/drop.ts';
import { readDocuments } from '../ingest/documents.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { PolicyDocument } from '../model/document.ts';
import type { IngestFile } from '../model/report.ts';

export interface Policy {
  frameworks: Frameworks;
  rules: readonly EvidenceRule[];
  /** MSP-wide policies and procedures (content/policies/), evidence for every client. */
  documents: readonly PolicyDocument[];
}

const loaded = new Map<string, Promise<Policy>>();

/** Control catalogs, evidence rules and MSP-wide documents of a content folder, read once per process. */
export function loadPolicy(contentDir: string): Promise<Policy> {
  let policy = loaded.get(contentDir);
  if (!policy) {
    policy = (async () => {
      const frameworks = await loadFrameworks(path.join(contentDir, 'frameworks'));
      const rules = await loadEvidenceRules(contentDir, frameworks);
      const msp = await readDocuments(path.join(contentDir, 'policies'), 'content/policies', 'msp', (id) => findControl(frameworks, id) !== undefined);
      if (msp.diagnostics.length > 0) {
        const first = msp.diagnostics[0]!;
        throw new UserError(`${first.file}:${first.line}:${first.column ?? 1}: ${first.message}`, first.hint);
      }
      return { frameworks, rules, documents: msp.documents };
    })();
    loaded.set(contentDir, policy);
  }
  return policy;
}

export interface ClientDocuments {
  documents: PolicyDocument[];
  files: IngestFile[];
  diagnostics: Diagnostic[];
}

/**
 * A client's own documents (`data/<client>/policies/`) beside the MSP-wide ones. Each client file
 * is an input like any export: hashed, counted (one record; rejected when its front matter is
 * broken) and sealed.
 */
export async function clientDocuments(dataDir: string, clientId: string, policy: Policy): Promise<ClientDocuments> {
  const read = await readDocuments(path.join(dataDir, clientId, 'policies'), `${clientId}/policies`, 'client', (id) => findControl(policy.frameworks, id) !== undefined);
  const files = await Promise.all(
    read.files.map(async (file): Promise<IngestFile> => {
      const document = read.documents.find((d) => d.file === file);
      const broken = read.diagnostics.some((d) => d.file === file && d.rule === 'document/front-matter');
      const absolute = path.join(dataDir, file);
      const { size } = await stat(absolute);
      return {
        file, kind: 'documents', format: 'markdown', sha256: await sha256File(absolute), bytes: size, effective: document?.effective ?? null,
        rowsRead: 1, accepted: broken ? 0 : 1, rejected: broken ? 1 : 0, duplicates: 0,
      };
    }),
  );
  return { documents: [...policy.documents, ...read.documents], files, diagnostics: read.diagnostics };
}

/** The client-level inputs every period's report lists: raci.csv and the client's documents. */
export function clientLevelInputs(drop: Pick<ClientDrop, 'raciFile' | 'raciDiagnostics'>, documents: ClientDocuments): { files: IngestFile[]; diagnostics: Diagnostic[] } {
  return { files: [...(drop.raciFile ? [drop.raciFile] : []), ...documents.files], diagnostics: [...drop.raciDiagnostics, ...documents.diagnostics] };
}
