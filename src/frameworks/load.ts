import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { UserError } from '../cli/user-error.ts';
import { yamlPlace } from '../ingest/config-file.ts';
import { Framework } from '../model/client.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { rules, type RuleId } from '../model/rules.ts';
import { CatalogFile, SupplementFile, type Catalog, type Control } from './catalog-schema.ts';
import { CrosswalkFile } from './crosswalk-schema.ts';

/** A crosswalk topic with every id resolved to its catalog entry. */
export interface CrosswalkTopic {
  id: string;
  title: string;
  controls: readonly Control[];
}

/** Every catalog (in the order of the Framework enum) and the crosswalk; frozen once loaded. */
export interface Frameworks {
  catalogs: readonly Catalog[];
  topics: readonly CrosswalkTopic[];
}

export const crosswalkFileName = 'crosswalk.yaml';

/** One parsed YAML file, kept so that any later check can point at a line and column in it. */
export interface Source {
  file: string;
  document: Document;
  lineCounter: LineCounter;
}

/**
 * Reads every `*.yaml` of `folder`: catalogs, supplements and `crosswalk.yaml`. Problems are
 * collected, never thrown: each is a diagnostic with file, line, column, rule and hint.
 */
export async function readFrameworks(folder: string): Promise<{ frameworks: Frameworks | null; diagnostics: Diagnostic[] }> {
  const names = (await readdir(folder)).filter((name) => name.endsWith('.yaml')).sort();
  const sources = await Promise.all(names.map(async (name) => parseSource(name, await readFile(path.join(folder, name), 'utf8'))));
  return assembleFrameworks(sources);
}

/** As {@link readFrameworks}, for callers that cannot go on without valid catalogs (the CLI, the build). */
export async function loadFrameworks(folder: string): Promise<Frameworks> {
  const { frameworks, diagnostics } = await readFrameworks(folder);
  if (frameworks) return frameworks;
  const lines = diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message} [${d.rule}]`);
  throw new UserError(`${diagnostics.length} problem(s) in the control catalogs in ${folder}\n${lines.join('\n')}`, diagnostics[0]!.hint);
}

/** Parses and checks already-read files; pure, so tests can feed it text. */
export function assembleFrameworks(sources: readonly Source[]): { frameworks: Frameworks | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const push = (file: string, place: { line: number; col: number }, field: string | null, rule: RuleId, message: string) =>
    diagnostics.push({ file, line: place.line, column: place.col, field, rule, severity: 'error', message, hint: rules[rule].hint });
  const report = (source: Source, at: readonly PropertyKey[], rule: RuleId, message: string) =>
    push(source.file, yamlPlace(source.document, source.lineCounter, at), at.join('.') || null, rule, message);
  const validate = <T extends z.ZodType>(source: Source, schema: T): z.output<T> | null => {
    for (const error of source.document.errors) {
      push(source.file, source.lineCounter.linePos(error.pos[0]), null, 'catalog/invalid', error.message.split('\n')[0]!);
    }
    if (source.document.errors.length > 0) return null;
    const parsed = schema.safeParse(source.document.toJS() ?? {});
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) report(source, issue.path, 'catalog/invalid', `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    return null;
  };

  const byFramework = new Map<Framework, { catalog: Omit<Catalog, 'controls'>; controls: Control[] }>();
  const defined = new Map<string, Control>();
  const toControl = (source: Source, framework: Framework, citeAs: string, entry: CatalogFile['controls'][number], index: number): Control => ({
    framework,
    id: entry.id,
    parent: entry.parent ?? null,
    kind: entry.kind,
    title: entry.title,
    citation: entry.citation ?? citeAs.replace('{id}', entry.id),
    designation: entry.designation ?? null,
    futureDated: entry.future_dated ?? false,
    owner: entry.owner ?? null,
    note: entry.note ?? null,
    definedAt: { file: source.file, line: yamlPlace(source.document, source.lineCounter, ['controls', index]).line },
  });
  const addControls = (source: Source, framework: Framework, citeAs: string, entries: CatalogFile['controls']) => {
    const target = byFramework.get(framework)!;
    entries.forEach((entry, index) => {
      const control = toControl(source, framework, citeAs, entry, index);
      const earlier = defined.get(control.id);
      if (earlier) {
        report(source, ['controls', index, 'id'], 'catalog/duplicate-id', `control ${control.id} is already defined at ${earlier.definedAt.file}:${earlier.definedAt.line}`);
        return;
      }
      const parent = control.parent === null ? undefined : defined.get(control.parent);
      if (control.parent !== null && parent?.framework !== framework) {
        report(source, ['controls', index, 'parent'], 'catalog/unknown-parent', `parent ${control.parent} of ${control.id} is not a control of ${framework} defined before it`);
      }
      defined.set(control.id, control);
      target.controls.push(control);
    });
  };

  const crosswalkSource = sources.find((source) => source.file === crosswalkFileName);
  const catalogSources = sources.filter((source) => source !== crosswalkSource);
  const supplements: { source: Source; file: SupplementFile }[] = [];
  for (const source of catalogSources) {
    const isSupplement = (source.document.toJS() as Record<string, unknown> | null)?.supplements !== undefined;
    if (isSupplement) {
      const file = validate(source, SupplementFile);
      if (file) supplements.push({ source, file });
      continue;
    }
    const file = validate(source, CatalogFile);
    if (!file) continue;
    if (byFramework.has(file.framework)) {
      report(source, ['framework'], 'catalog/invalid', `a second catalog for ${file.framework}: add its controls to the first, or make this file a supplement`);
      continue;
    }
    const { controls, cite_as: citeAs, source: origin, ...head } = file;
    byFramework.set(file.framework, { catalog: { ...head, source: { citation: origin.citation, url: origin.url ?? null } }, controls: [] });
    addControls(source, file.framework, citeAs, controls);
  }
  for (const { source, file } of supplements) {
    if (!byFramework.has(file.supplements)) {
      report(source, ['supplements'], 'catalog/invalid', `supplements ${file.supplements}, which has no catalog in this folder`);
      continue;
    }
    addControls(source, file.supplements, file.cite_as, file.controls);
  }

  const topics: CrosswalkTopic[] = [];
  const crosswalk = crosswalkSource ? validate(crosswalkSource, CrosswalkFile) : null;
  if (crosswalkSource && crosswalk) {
    const seenTopics = new Set<string>();
    crosswalk.topics.forEach((topic, topicIndex) => {
      if (seenTopics.has(topic.id)) report(crosswalkSource, ['topics', topicIndex, 'id'], 'catalog/duplicate-id', `topic ${topic.id} is listed twice`);
      seenTopics.add(topic.id);
      const controls: Control[] = [];
      for (const [framework, ids] of Object.entries(topic.controls) as [Framework, string[]][]) {
        ids.forEach((id, idIndex) => {
          const control = defined.get(id);
          if (control?.framework === framework) controls.push(control);
          else report(crosswalkSource, ['topics', topicIndex, 'controls', framework, idIndex], 'crosswalk/unknown-control', `${id} is not a control of ${framework}`);
        });
      }
      topics.push({ id: topic.id, title: topic.title, controls });
    });
  }

  if (diagnostics.length > 0) return { frameworks: null, diagnostics };
  const catalogs = Framework.options.flatMap((framework) => {
    const entry = byFramework.get(framework);
    return entry ? [{ ...entry.catalog, controls: entry.controls }] : [];
  });
  return { frameworks: deepFreeze({ catalogs, topics }), diagnostics };
}

export function parseSource(file: string, text: string): Source {
  const lineCounter = new LineCounter();
  return { file, document: parseDocument(text, { lineCounter, prettyErrors: false }), lineCounter };
}

/** Loaded catalogs are shared by every client's assessment: nothing may change them afterwards. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
