/**
 * The catalog of diagnostic rules: permanent ids, a title and the hint shown to the user.
 * Ids never change meaning once published; docs list them from here.
 */
export const rules = {
  'file/unknown-format': {
    title: 'Unknown file format',
    hint: 'See docs/input-formats.md for every supported export. For a CSV of another tool, rename its header row to the columns of the generic CSV of its kind (e.g. generic-findings-csv), or declare a column mapping in client.yaml for tickets; or move the file out of the drop.',
  },
  'file/empty': {
    title: 'Empty file',
    hint: 'Export the file again; an empty export usually means the report ran with a filter that matched nothing.',
  },
  'file/unreadable': {
    title: 'File cannot be decoded',
    hint: 'Save the export as UTF-8 (with or without BOM) or UTF-16 with BOM.',
  },
  'csv/malformed': {
    title: 'Malformed CSV',
    hint: 'Check for an unclosed double quote on this line; quotes inside a field are written twice ("").',
  },
  'csv/missing-column': {
    title: 'Required column missing',
    hint: 'Add the column to the header row; column names are matched without regard to case or surrounding spaces.',
  },
  'csv/duplicate-column': {
    title: 'Column named twice',
    hint: 'Rename or remove one of the two columns; Proofbook cannot know which one holds the data.',
  },
  'csv/column-count': {
    title: 'Wrong number of fields',
    hint: 'The row has a different number of fields than the header; a field containing a comma must be enclosed in double quotes.',
  },
  'field/required': {
    title: 'Required value missing',
    hint: 'Fill in the value, or remove the row from the export if it is not a real record.',
  },
  'field/invalid-date': {
    title: 'Invalid date',
    hint: 'Write dates as ISO 8601 (2026-03-31T14:05:00Z or 2026-03-31 14:05, read in the client time zone) or as Nessus/Tenable write them (Mar 31, 2026 14:05:00 UTC).',
  },
  'field/invalid-value': {
    title: 'Value not allowed',
    hint: 'Use one of the values listed in the message.',
  },
  'field/invalid-number': {
    title: 'Invalid number',
    hint: 'Write a whole number without thousands separators.',
  },
  'ticket/time-order': {
    title: 'Ticket times out of order',
    hint: 'Acknowledgment and resolution cannot precede creation; check the time zone of the export.',
  },
  'row/blank': {
    title: 'Blank rows',
    hint: 'Rows whose every field is empty carry no record; spreadsheet exports often pad with them. Delete them from the export to silence this warning.',
  },
  'row/duplicate': {
    title: 'Duplicate record merged',
    hint: 'The same record appears more than once in this drop; it is counted once. Remove the copy from the export to silence this warning.',
  },
  'raci/accountable': {
    title: 'Not exactly one Accountable',
    hint: 'Each task has exactly one Accountable party: write either "msp" or "internal" in the accountable column.',
  },
  'file/legacy-encoding': {
    title: 'Read as Windows-1252',
    hint: 'The file is not valid UTF-8, so it was read as Windows-1252 (what Excel writes as "CSV"). If characters look wrong on the portal, export as "CSV UTF-8" instead.',
  },
  'xml/malformed': {
    title: 'Malformed XML',
    hint: 'The report is not well-formed XML at this line (often a file cut off during export or copy); export the report again.',
  },
  'json/malformed': {
    title: 'Malformed JSON',
    hint: 'Each record must be a JSON object: one per line for JSON lines, or the elements of the records array; export the file again if it was cut off.',
  },
  'yaml/malformed': {
    title: 'Malformed YAML',
    hint: 'Check the indentation and quoting of the YAML at this line.',
  },
  'field/formula': {
    title: 'Formula-like cell',
    hint: 'A cell starting with =, @, or +/- followed by a function call would run as a formula in a spreadsheet. Proofbook keeps it as plain text and neutralises it in any CSV it writes; no action is needed unless the value is wrong.',
  },
  'session/time-order': {
    title: 'Session ends before it starts',
    hint: 'Check the end and start columns and the time zone of the export.',
  },
  'risk/expiry-order': {
    title: 'Risk acceptance expires before it was accepted',
    hint: 'Write the expiry date after the acceptance date (YYYY-MM-DD).',
  },
  'document/front-matter': {
    title: 'Document front matter invalid',
    hint: 'A policy or procedure starts with "---", then YAML keys title, kind, owner_side, approver, effective, next_review and controls, then "---" (README "Policies and procedures as evidence").',
  },
  'document/unknown-control': {
    title: 'Document names an unknown control',
    hint: 'Write the control id exactly as the catalog does (proofbook frameworks lists them), in quotes; the document counts for the other controls it names.',
  },
  'document/raw-html': {
    title: 'Document contains raw HTML',
    hint: 'HTML inside a document is shown as text, never rendered, so it can never run a script in the portal or the packet; write it in Markdown instead (tables, lists, emphasis and links all have a Markdown form).',
  },
  'document/image': {
    title: 'Document contains an image',
    hint: 'Images are shown as their alt text: the portal and the packet fetch nothing from outside. Describe the picture in words, or attach it to the drop as evidence of its own.',
  },
  'drop/unknown-client': {
    title: 'Unknown client',
    hint: 'Each client folder under data/ needs a client.yaml; check the folder name or create the file.',
  },
  'drop/bad-config': {
    title: 'Invalid configuration file',
    hint: 'Fix the key named in the message; README "Data drop layout" lists every key.',
  },
  'template/unknown-file': {
    title: 'Not a packet template',
    hint: 'A templates folder overlays the bundled one file by file: packet.hbs, heads.hbs and print.css at its top, partials/*.hbs below (docs/packet.md lists them). Rename the file to the one it replaces, or move it out of the folder.',
  },
  'template/syntax': {
    title: 'Template syntax error',
    hint: 'Fix the Handlebars expression at this line: every {{#block}} needs its {{/block}} and every {{ its }}.',
  },
  'catalog/invalid': {
    title: 'Invalid control catalog',
    hint: 'Fix the key named in the message; docs/frameworks.md lists every key of a catalog, supplement and crosswalk file. Write control ids in quotes ("12.10"): unquoted, YAML reads 12.10 as the number 12.1.',
  },
  'catalog/duplicate-id': {
    title: 'Control id defined twice',
    hint: 'Every control id is defined once across all catalogs and supplements; rename or remove one of the two entries.',
  },
  'catalog/unknown-parent': {
    title: 'Parent control not defined',
    hint: 'A parent names a control of the same framework defined above it (catalogs list controls in source order); correct the id or move the parent up.',
  },
  'crosswalk/unknown-control': {
    title: 'Crosswalk names an unknown control',
    hint: 'Each crosswalk id must be defined in the catalog of the framework it is listed under; check the spelling against `proofbook frameworks`.',
  },
} as const satisfies Record<string, { title: string; hint: string }>;

export type RuleId = keyof typeof rules;
