import { z } from 'zod';
import type { Severity } from '../../model/client.ts';
import type { PatchStatus } from '../../model/evidence.ts';
import { day, oneOf, requiredText, text } from '../fields.ts';
import type { CsvFormat } from '../format.ts';

const status = { installed: 'installed', compliant: 'installed', missing: 'missing', 'not installed': 'missing', failed: 'failed', error: 'failed', pending: 'pending', 'pending reboot': 'pending', scheduled: 'pending' } as const;
const severity: Record<string, Severity | ''> = { '': '', critical: 'critical', important: 'high', high: 'high', moderate: 'medium', medium: 'medium', low: 'low', unspecified: 'info', none: 'info' };

const schema = () =>
  z.object({
    device: requiredText,
    address: text,
    patchId: requiredText,
    title: text,
    severity: oneOf(severity, 'severity', ['critical', 'important/high', 'moderate/medium', 'low', 'empty']),
    status: oneOf(status, 'status', ['installed', 'missing', 'failed', 'pending']),
    released: day(false),
    installed: day(false),
  });
type Row = z.output<ReturnType<typeof schema>>;

/** The documented patch status CSV: one row per device and patch, as RMM patch reports list them. */
export const genericPatchesCsv: CsvFormat<Row, PatchStatus> = {
  id: 'generic-patches-csv',
  syntax: 'csv',
  kind: 'patches',
  title: 'Generic patch status CSV',
  signature: [['device'], ['patch_id'], ['status']],
  columns: {
    device: { headers: ['device'], required: true, description: 'Device name' },
    address: { headers: ['address', 'ip', 'ip_address'], required: false, description: 'IP address of the device, matched against scanned hosts' },
    patchId: { headers: ['patch_id'], required: true, description: 'KB number or advisory id' },
    title: { headers: ['title'], required: false, description: 'Patch title' },
    severity: { headers: ['severity'], required: false, description: 'critical, important/high, moderate/medium, low' },
    status: { headers: ['status'], required: true, description: 'installed, missing, failed or pending' },
    released: { headers: ['released'], required: false, description: 'Vendor release date' },
    installed: { headers: ['installed'], required: false, description: 'Install date' },
  },
  rowSchema: schema,
  toRecord: ({ address, ...row }, { source }) => ({ ...row, ...(address ? { address } : {}), severity: row.severity || null, source }),
  key: (patch) => `${patch.device}|${patch.patchId}`.toLowerCase(),
};
