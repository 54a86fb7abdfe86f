import { SaxesParser } from 'saxes';

/** An element kept whole: a record, or a context element such as a host's properties. */
export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  /** Its own text and CDATA, not its children's. */
  text: string;
  children: XmlNode[];
  line: number;
}

export interface XmlRecord {
  line: number;
  node: XmlNode;
  /** The open elements around the record, outermost first, without their children. */
  ancestors: readonly Pick<XmlNode, 'name' | 'attributes'>[];
  /** The last complete element of each context name seen inside the record's ancestors. */
  context: ReadonlyMap<string, XmlNode>;
}

/** A record element that could not be read whole (cut off, or too long): a row, rejected. */
export interface XmlBrokenRecord {
  line: number;
  broken: string;
}

/** A problem of the document outside any record: reported, not counted as a row. */
export interface XmlProblem {
  line: number;
  problem: string;
}

export interface XmlReadOptions {
  record: string;
  context?: readonly string[];
  maxRecordChars?: number;
}

/**
 * Streams the `record` elements of an XML document as small trees, with saxes (no DTD, no external
 * entities: a report cannot make the reader fetch or expand anything). Memory holds one record and
 * the context elements at a time. Records come in batches, one per chunk of text.
 */
export async function* xmlRecords(chunks: AsyncIterable<string>, options: XmlReadOptions): AsyncGenerator<Array<XmlRecord | XmlBrokenRecord | XmlProblem>> {
  const maxChars = options.maxRecordChars ?? 32 * 1024 * 1024;
  const contextNames = new Set(options.context ?? []);
  const parser = new SaxesParser({ position: true });
  const out: Array<XmlRecord | XmlBrokenRecord | XmlProblem> = [];
  const open: Array<Pick<XmlNode, 'name' | 'attributes'> & { kept: Map<string, XmlNode> }> = [];
  /** The element tree being kept (a record or a context element), innermost last. */
  let building: XmlNode[] = [];
  let buildingChars = 0;
  let tooLong = false;

  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.name, attributes: tag.attributes as Record<string, string>, text: '', children: [], line: parser.line };
    if (building.length > 0) {
      if (!tooLong) building.at(-1)!.children.push(node);
      building.push(node);
    } else if (tag.name === options.record || contextNames.has(tag.name)) {
      building = [node];
      buildingChars = 0;
      tooLong = false;
    } else {
      open.push({ name: node.name, attributes: node.attributes, kept: new Map() });
    }
  });
  const onText = (text: string) => {
    if (building.length === 0 || tooLong) return;
    buildingChars += text.length;
    if (buildingChars > maxChars) tooLong = true;
    else building.at(-1)!.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    if (building.length === 0) {
      open.pop();
      return;
    }
    const node = building.pop()!;
    if (building.length > 0) return;
    if (node.name !== options.record) {
      open.at(-1)?.kept.set(node.name, node);
    } else if (tooLong) {
      out.push({ line: node.line, broken: `the <${node.name}> element is longer than ${maxChars} characters; it was skipped to keep memory bounded` });
    } else {
      const context = new Map<string, XmlNode>();
      for (const ancestor of open) for (const [name, kept] of ancestor.kept) context.set(name, kept);
      out.push({ line: node.line, node, ancestors: open.map(({ name, attributes }) => ({ name, attributes })), context });
    }
  });
  let failed = false;
  parser.on('error', (error) => {
    if (failed) return;
    failed = true;
    const message = error.message.replace(/^[^:]*:\d+:\d+: /, '');
    const record = building[0];
    if (record?.name === options.record) out.push({ line: record.line, broken: `the <${record.name}> element is cut off: ${message}` });
    else out.push({ line: parser.line, problem: message });
  });

  for await (const chunk of chunks) {
    if (failed) break;
    parser.write(chunk);
    if (out.length > 0) yield out.splice(0);
  }
  if (!failed) parser.close();
  if (out.length > 0) yield out.splice(0);
}

/** The root element's name, from the start of a document (after its declaration, comments and doctype). */
export function xmlRootName(head: string): string | null {
  const body = head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, '');
  return /^\s*<([A-Za-z_][\w.:-]*)/.exec(body)?.[1] ?? null;
}

/** Children of `node` named `name`. */
export const childrenNamed = (node: XmlNode, name: string): XmlNode[] => node.children.filter((c) => c.name === name);

/** Text of the first child named `name`, trimmed; undefined when absent. */
export function childText(node: XmlNode, name: string): string | undefined {
  return node.children.find((c) => c.name === name)?.text.trim();
}
