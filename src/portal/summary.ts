import { z } from 'zod';
import { FindingsSection, Headline, IngestSection, ReportModel, TicketsSection } from '../model/report.ts';

/**
 * The figures of one client and period that other pages compare against: trends across periods, the
 * period-to-period comparison and the MSP overview. A pick of the report model, so a figure is the
 * model's own; zod drops every other field, so a `report.json` written by a later or earlier build
 * still reads as long as these fields keep their meaning.
 */
export const PeriodSummary = z.object({
  client: ReportModel.shape.client.pick({ id: true, name: true, frameworks: true }),
  msp: ReportModel.shape.msp,
  period: ReportModel.shape.period,
  generatedAt: ReportModel.shape.generatedAt,
  toolVersion: ReportModel.shape.toolVersion,
  headlines: z.array(Headline),
  findings: FindingsSection.pick({ bySeverity: true, totals: true }),
  tickets: TicketsSection.pick({ byPriority: true, bySide: true, total: true }),
  ingest: z.object({ totals: IngestSection.shape.totals }),
});
export type PeriodSummary = z.infer<typeof PeriodSummary>;

export function summarize(model: ReportModel): PeriodSummary {
  return PeriodSummary.parse(model);
}

/** Where a period's report model is kept beside its pages, for later builds to read. */
export const reportFileName = 'report.json';
