/**
 * The catalog of diagnostic rules: permanent ids, a title and the hint shown to the user.
 * Ids never change meaning once published; docs list them from here.
 */
export const rules = {
  'file/unknown-format': {
    title: 'Unknown file format',
    hint: 'Supported: Nessus CSV, generic findings CSV, generic tickets CSV (see README "Input formats"). Rename the header row to a supported column set, or move the file out of the drop.',
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
  'drop/unknown-client': {
    title: 'Unknown client',
    hint: 'Each client folder under data/ needs a client.yaml; check the folder name or create the file.',
  },
  'drop/bad-config': {
    title: 'Invalid configuration file',
    hint: 'Fix the key named in the message; README "Data drop layout" lists every key.',
  },
} as const satisfies Record<string, { title: string; hint: string }>;

export type RuleId = keyof typeof rules;
