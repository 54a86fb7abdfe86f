import type { ReportModel } from '../model/report.ts';
import { bodyParts, wholeBody } from './parts.ts';
import type { Part } from './parts.ts';
import { sections } from './sections.ts';
import type { PacketTemplates } from './templates.ts';
import { packetView } from './view.ts';
import type { PacketView } from './view.ts';

/**
 * Renders the packet's HTML from the report model: the documents Chromium prints, one per part
 * of the binder. Pure: same model, templates and options give the same strings. All model text
 * goes through Handlebars' `{{ }}` escaping.
 */

/** What the header and footer of one page show besides the model's own fields. */
export interface PageHead {
  number: number;
  total: number;
  /** The chapter the page belongs to. */
  chapter: string;
}

export interface PacketHtml {
  cover: string;
  /** The chapters, in parts printed one at a time (see parts.ts); each rendered when asked for,
   *  so that no more than one part's HTML (about 0.8 MB) is held at a time. */
  parts: readonly (() => string)[];
  /** The contents, with the page of each section once known (null: blank). */
  contents: (pageNumbers: ReadonlyMap<string, number> | null) => string;
  /** One sheet per given page, holding its header and footer. */
  heads: (pages: readonly PageHead[]) => string;
}

export interface RenderOptions {
  signedWithDevelopmentKey: boolean;
  /** Estimated lines of table text per part (parts.ts). */
  partLines?: number;
}

type Block = Part[number] | { partial: string };

function documentOf(templates: PacketTemplates, view: PacketView, blocks: readonly Block[], anchors: readonly string[] = []): string {
  return templates.packet({
    ...view,
    css: templates.css,
    // Each block sees the whole view plus its own rows, as if the partial were the only one.
    blocks: blocks.map((block) => ({ ...view, ...block })),
    anchors,
  });
}

export function renderHtml(report: ReportModel, templates: PacketTemplates, options: RenderOptions): PacketHtml {
  const { signedWithDevelopmentKey } = options;
  const view = packetView(report, { signedWithDevelopmentKey, pageNumbers: null });
  return {
    cover: documentOf(templates, view, [{ partial: 'cover' }]),
    parts: bodyParts(view, options.partLines).map((part) => () => documentOf(templates, view, part)),
    contents: (pageNumbers) => documentOf(
      templates,
      packetView(report, { signedWithDevelopmentKey, pageNumbers }),
      [{ partial: 'contents' }],
      sections.map((s) => s.id),
    ),
    heads: (pages) => templates.heads({ ...view, css: templates.css, pages: pages.map((page) => ({ ...view, page })) }),
  };
}

/** The whole binder as one document: what a single Chromium print of the packet would take. */
export function renderWholeHtml(report: ReportModel, templates: PacketTemplates, options: RenderOptions): string {
  const view = packetView(report, { signedWithDevelopmentKey: options.signedWithDevelopmentKey, pageNumbers: null });
  return documentOf(templates, view, [{ partial: 'cover' }, { partial: 'contents' }, ...wholeBody(view)]);
}
