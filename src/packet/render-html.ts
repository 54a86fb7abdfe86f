import type { ReportModel } from '../model/report.ts';
import type { PacketTemplates } from './templates.ts';
import { packetView } from './view.ts';
import type { ViewOptions } from './view.ts';

/** The HTML Chromium prints: the binder itself and the header and footer of its pages. */
export interface PacketHtml {
  document: string;
  headerTemplate: string;
  footerTemplate: string;
}

/**
 * Renders the packet HTML from the report model. Pure: same model, templates and options give
 * the same strings. All model text goes through Handlebars' `{{ }}` escaping.
 */
export function renderHtml(report: ReportModel, templates: PacketTemplates, options: ViewOptions): PacketHtml {
  const view = packetView(report, options);
  return {
    document: templates.packet({ ...view, css: templates.css }),
    headerTemplate: templates.pageHeader(view),
    footerTemplate: templates.pageFooter(view),
  };
}
