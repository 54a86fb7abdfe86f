/**
 * The packet's numbered sections: one list feeds the headings, the table of contents, the
 * bookmarks and the `sections` result, so a title can never differ between them.
 */

interface Section {
  /** HTML id of the heading, and the PDF named destination Chromium writes for it. */
  id: string;
  title: string;
  /** 1 for a chapter, 2 for a subsection. */
  level: 1 | 2;
}

const outline: ReadonlyArray<readonly [id: string, title: string, children?: ReadonlyArray<readonly [string, string]>]> = [
  ['overview', '1 Overview'],
  ['findings', '2 Findings', [
    ['findings-summary', '2.1 Summary by severity'],
    ['findings-open', '2.2 Open findings'],
    ['findings-fixed', '2.3 Fixed findings'],
  ]],
  ['tickets', '3 Tickets and SLA', [
    ['tickets-priority', '3.1 By priority'],
    ['tickets-side', '3.2 By side'],
    ['tickets-breaches', '3.3 SLA breaches'],
  ]],
  ['operations', '4 Operations', [
    ['operations-restore', '4.1 Backups and restore tests'],
    ['operations-access', '4.2 Access reviews'],
    ['operations-remote', '4.3 Remote sessions'],
    ['operations-patches', '4.4 Patch compliance'],
    ['operations-alerts', '4.5 SIEM alerts'],
    ['operations-risks', '4.6 Risk acceptances'],
  ]],
  ['raci', '5 RACI matrix'],
  ['ingest', '6 Ingest report', [
    ['ingest-files', '6.1 Files'],
    ['ingest-diagnostics', '6.2 Diagnostics'],
  ]],
  ['documents', '7 Policies and procedures'],
  ['controls', '8 Controls'],
  ['regulatory', '9 Regulatory summaries'],
  ['sign-off', '10 Sign-off'],
];

/** The sections in reading order, chapters followed by their subsections. */
export const sections: readonly Section[] = Object.freeze(
  outline.flatMap(([id, title, children = []]) => [
    { id, title, level: 1 as const },
    ...children.map(([childId, childTitle]) => ({ id: childId, title: childTitle, level: 2 as const })),
  ]),
);

/** Heading id of the table of contents; the cover ends where it starts. */
export const contentsId = 'contents';
