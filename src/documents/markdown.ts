import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root as MdastRoot, RootContent } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { documentSanitizeSchema, type HtmlElement, type HtmlText } from '../model/html.ts';

/**
 * Renders a policy's Markdown body (GitHub-flavoured) once, for the portal and the packet alike.
 * The body is untrusted text from a client's data folder, so:
 * - raw HTML is shown as the text it is, never as markup, and noted;
 * - images are shown as their alt text and noted: an image would be fetched from wherever it
 *   points, by the build's Chromium and by every auditor's browser;
 * - the tree is sanitized with GitHub's schema (src/model/html.ts), so no script, event handler
 *   or `javascript:` URL survives even a bug upstream;
 * - task-list checkboxes become ☑ and ☐, which need no form label;
 * - headings are demoted by two levels (h1 → h3), so a body's headings sit below the page's own
 *   title and section headings in the portal, and below the document's title in the packet.
 */

/** Something of the Markdown the rendered body does not show as written, at its place in the body. */
export interface NotedMarkdown {
  what: 'raw-html' | 'image';
  /** 1-based line and column in the Markdown given. */
  line: number;
  column: number;
  /** The raw HTML, or the image's address, shortened. */
  source: string;
}

export interface RenderedMarkdown {
  /** One element per top-level block (paragraph, list, table, heading…), in order. */
  blocks: HtmlElement[];
  noted: NotedMarkdown[];
}

/** Levels a body's headings move down: h1 → h3; h5 and h6 → h6. */
export const headingDemotion = 2;

const toTree = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize, documentSanitizeSchema).freeze();
const toHtml = unified().use(rehypeStringify).freeze();

const sourceLength = 80;
const shorten = (text: string) => (text.length > sourceLength ? `${text.slice(0, sourceLength - 1)}…` : text);

/** Containers whose children are blocks: raw HTML there becomes a paragraph of its text. */
const flowParents = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/** Turns raw HTML into text and images into their alt text, noting each. */
function neutralise(node: MdastRoot | RootContent, noted: NotedMarkdown[]): void {
  if (!('children' in node)) return;
  const flow = flowParents.has(node.type);
  node.children = node.children.map((child) => {
    const start = child.position?.start ?? { line: 1, column: 1 };
    if (child.type === 'html') {
      // A closing tag goes with the opening one already noted.
      if (!/^<\/[\w-]+>$/.test(child.value.trim())) noted.push({ what: 'raw-html', line: start.line, column: start.column, source: shorten(child.value) });
      const text = { type: 'text' as const, value: child.value };
      return flow ? { type: 'paragraph', children: [text] } : text;
    }
    if (child.type === 'image' || child.type === 'imageReference') {
      noted.push({ what: 'image', line: start.line, column: start.column, source: shorten(child.type === 'image' ? child.url : `[${child.identifier}]`) });
      return { type: 'text', value: child.alt ?? '' };
    }
    neutralise(child, noted);
    return child;
  }) as typeof node.children;
}

/**
 * A task list's checkbox as a ballot-box character: a disabled form control without a label is an
 * accessibility error, and a character reads and prints the same everywhere.
 */
const taskBox = (node: Element): HtmlText => ({ type: 'text', value: node.properties.checked ? '☑' : '☐' });

/** The tree as plain model data: demoted headings, task boxes as text, no source positions. */
function plain(node: Element): HtmlElement {
  const level = /^h([1-6])$/.exec(node.tagName);
  return {
    type: 'element',
    tagName: level ? `h${Math.min(6, Number(level[1]) + headingDemotion)}` : node.tagName,
    properties: node.properties as HtmlElement['properties'],
    children: node.children.flatMap((child: ElementContent): (HtmlElement | HtmlText)[] => {
      if (child.type === 'text') return [{ type: 'text', value: child.value }];
      if (child.type !== 'element') return [];
      return child.tagName === 'input' && child.properties.type === 'checkbox' ? [taskBox(child)] : [plain(child)];
    }),
  };
}

export function renderMarkdown(markdown: string): RenderedMarkdown {
  const noted: NotedMarkdown[] = [];
  const mdast = toTree.parse(markdown);
  neutralise(mdast, noted);
  const hast = toTree.runSync(mdast) as HastRoot;
  const blocks = hast.children.flatMap((child) => (child.type === 'element' ? [plain(child)] : []));
  return { blocks, noted };
}

/** The HTML of one block; text is escaped by the serializer, and the tree holds nothing else to trust. */
export function blockHtml(block: HtmlElement): string {
  return toHtml.stringify({ type: 'root', children: [block as Element] });
}
