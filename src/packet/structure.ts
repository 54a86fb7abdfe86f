import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import type { PDFContext, PDFDocument, PDFObject, PDFObjectCopier, PDFPage } from 'pdf-lib';
import { refsAfter } from './pdf-file.ts';

/**
 * Joins the structure trees of the tagged prints (cover, parts, contents) into one for the binder,
 * so a screen reader finds headings, tables with their header cells, lists and links in reading
 * order. Chromium tags each print on its own: every print numbers its pages' /StructParents from
 * 0 and names table header cells after its DOM nodes, so the numbers are shifted and the cells
 * named anew per print; each print's /Document element becomes a /Part of the binder's /Document.
 */

const name = PDFName.of;

/** What one print adds to the binder's structure. */
interface PrintStructure {
  part: PDFRef;
  /** The print's first page in the binder, to put its part in reading order. */
  firstPage: PDFRef;
}

export interface Structure {
  /**
   * Call before copying `printed`'s pages with `copier`: renumbers its pages' and links' keys
   * into the parent tree. Returns what to call once the pages are copied, which copies the
   * structure elements with the same copier (so their pages are the copies), names them, and
   * returns the objects it made: final, and never looked up again (only their references are kept).
   */
  prepare(printed: PDFDocument, copier: PDFObjectCopier): (copiedPages: readonly PDFPage[]) => PDFRef[];
  /** Writes the structure tree root and marks the document as tagged; `pageIndex` orders the parts. */
  finish(pageIndex: (page: PDFRef) => number, language: string): void;
}

/** The entries of a number tree (the parent tree), from its /Nums and its /Kids. */
function numberTreeEntries(node: PDFDict): [number, PDFObject][] {
  const entries: [number, PDFObject][] = [];
  const nums = node.lookupMaybe(name('Nums'), PDFArray);
  for (let i = 0; nums && i + 1 < nums.size(); i += 2) entries.push([nums.lookup(i, PDFNumber).asNumber(), nums.get(i + 1)]);
  const kids = node.lookupMaybe(name('Kids'), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) entries.push(...numberTreeEntries(kids.lookup(i, PDFDict)));
  return entries;
}

function shiftKey(dict: PDFDict, key: PDFName, offset: number): void {
  const value = dict.lookupMaybe(key, PDFNumber);
  if (value) dict.set(key, PDFNumber.of(value.asNumber() + offset));
}

/** The print's one top element (Chromium's /Document), whether /K holds it or an array of it. */
function documentElement(root: PDFDict): PDFRef {
  const k = root.get(name('K'));
  const ref = k instanceof PDFArray && k.size() === 1 ? k.get(0) : k;
  if (!(ref instanceof PDFRef)) throw new Error('A tagged print has no single document element in its structure tree; it cannot be joined into the binder');
  return ref;
}

/**
 * Structure types of PDF 2.0 that Chromium writes (for HTML's strong and em, say) and PDF 1.7,
 * which the binder declares, does not know: the binder's role map names the 1.7 type each stands
 * for, so a 1.7 reader (poppler, for one) keeps them instead of dropping them as unknown.
 */
const pdf17Roles: Record<string, string> = { Strong: 'Span', Em: 'Span', Sub: 'Span', Title: 'H', Aside: 'Sect', FENote: 'Note', DocumentFragment: 'Part' };

const isStructElem = (object: PDFObject | undefined): object is PDFDict => object instanceof PDFDict && object.get(name('Type')) === name('StructElem');

/**
 * Names the header cells of one print anew, in the order they are met: Chromium names them after
 * its DOM node numbers, which depend on what that browser printed before, and the same packet must
 * give the same bytes whichever printer printed each part. Unique across prints by `prefix`.
 */
function idNamer(prefix: string): (id: PDFObject | undefined) => PDFString | undefined {
  const names = new Map<string, PDFString>();
  return (id) => {
    if (!(id instanceof PDFString || id instanceof PDFHexString)) return undefined;
    const text = id.decodeText();
    if (!names.has(text)) names.set(text, PDFString.of(`${prefix}${names.size + 1}`));
    return names.get(text);
  };
}

/** Renames the element's /ID, and the header cells its table attributes name, with `rename`. */
function renameIds(element: PDFDict, rename: ReturnType<typeof idNamer>, ids: Map<string, PDFRef>, ref: PDFRef): void {
  const id = rename(element.lookup(name('ID')));
  if (id) {
    element.set(name('ID'), id);
    ids.set(id.asString(), ref);
  }
  const attributes = element.lookup(name('A'));
  const dicts = attributes instanceof PDFArray ? attributes.asArray().map((a) => element.context.lookup(a)) : [attributes];
  for (const dict of dicts) {
    const headers = dict instanceof PDFDict ? dict.lookupMaybe(name('Headers'), PDFArray) : undefined;
    headers?.asArray().forEach((header, i) => headers.set(i, rename(header) ?? header));
  }
}

export function joinStructure(context: PDFContext, catalog: PDFDict): Structure {
  const documentRef = context.nextRef();
  const prints: PrintStructure[] = [];
  const parentTree: [number, PDFObject][] = [];
  const ids = new Map<string, PDFRef>();
  const roles = new Set<string>();
  let nextKey = 0;

  return {
    prepare(printed, copier) {
      const root = printed.catalog.lookupMaybe(name('StructTreeRoot'), PDFDict);
      if (!root) throw new Error('A print meant to be tagged has no structure tree; Chromium printed it untagged');
      const offset = nextKey;
      const entries = numberTreeEntries(root.lookup(name('ParentTree'), PDFDict));
      nextKey = Math.max(offset + (root.lookupMaybe(name('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? 0), ...entries.map(([key]) => offset + key + 1));
      for (const page of printed.getPages()) {
        shiftKey(page.node, name('StructParents'), offset);
        for (const annot of page.node.Annots()?.asArray() ?? []) {
          const dict = printed.context.lookup(annot);
          if (dict instanceof PDFDict) shiftKey(dict, name('StructParent'), offset);
        }
      }
      const element = documentElement(root);
      const source = printed.context.lookup(element, PDFDict);
      source.set(name('S'), name('Part'));
      // Its parent becomes the binder's /Document, set on the copy: copying this would copy the print's whole root.
      source.delete(name('P'));
      const rename = idNamer(`p${prints.length + 1}-th`);
      return (copiedPages) => {
        if (copiedPages.length === 0) return [];
        const before = context.largestObjectNumber;
        const part = copier.copy(element) as PDFRef;
        context.lookup(part, PDFDict).set(name('P'), documentRef);
        for (const [key, value] of entries) parentTree.push([offset + key, copier.copy(value)]);
        const made = refsAfter(context, before);
        for (const ref of made) {
          const object = context.lookup(ref);
          if (!isStructElem(object)) continue;
          renameIds(object, rename, ids, ref);
          const type = object.get(name('S'));
          if (type instanceof PDFName && type.decodeText() in pdf17Roles) roles.add(type.decodeText());
        }
        prints.push({ part, firstPage: copiedPages[0]!.ref });
        return made;
      };
    },

    finish(pageIndex, language) {
      const rootRef = context.nextRef();
      const inOrder = [...prints].sort((a, b) => pageIndex(a.firstPage) - pageIndex(b.firstPage));
      context.assign(documentRef, context.obj({ Type: 'StructElem', S: 'Document', Lang: PDFString.of(language), P: rootRef, K: inOrder.map((p) => p.part) }));
      const nums = [...parentTree].sort(([a], [b]) => a - b).flatMap(([key, value]) => [PDFNumber.of(key), value]);
      const idNames = [...ids].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flatMap(([id, ref]) => [PDFString.of(id), ref]);
      context.assign(rootRef, context.obj({
        Type: 'StructTreeRoot',
        K: documentRef,
        ParentTree: context.obj({ Nums: context.obj(nums) }),
        ParentTreeNextKey: nextKey,
        ...(idNames.length > 0 ? { IDTree: context.obj({ Names: context.obj(idNames) }) } : {}),
        ...(roles.size > 0 ? { RoleMap: context.obj(Object.fromEntries([...roles].sort().map((role) => [role, pdf17Roles[role]!]))) } : {}),
      }));
      catalog.set(name('StructTreeRoot'), rootRef);
      catalog.set(name('MarkInfo'), context.obj({ Marked: true }));
    },
  };
}
