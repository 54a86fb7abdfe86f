import { z } from 'zod';
import { OwnerSide } from '../../model/client.ts';
import type { RaciEntry } from '../../model/evidence.ts';
import type { CsvFormat } from '../format.ts';
import { list, requiredText } from '../fields.ts';

const sides = (what: string, min: number) =>
  list(/[;,]/)
    .transform((values) => values.map((v) => v.toLowerCase()))
    .pipe(z.array(OwnerSide, { error: `${what} takes msp, internal or both separated by ;` }).min(min, `${what} is missing`));

const schema = () =>
  z.object({
    task: requiredText,
    controls: list(/[;\s]+/),
    responsible: sides('responsible', 1),
    accountable: list(/[;,]/).refine((v) => v.length === 1 && OwnerSide.safeParse(v[0]!.toLowerCase()).success, {
      message: 'exactly one Accountable: write msp or internal',
      params: { rule: 'raci/accountable' },
    }).transform((v) => v[0]!.toLowerCase() as OwnerSide),
    consulted: sides('consulted', 0),
    informed: sides('informed', 0),
  });
type Row = z.output<ReturnType<typeof schema>>;

/** `raci.csv`: who is Responsible, Accountable, Consulted, Informed for each co-managed task. */
export const raciCsv: CsvFormat<Row, RaciEntry> = {
  id: 'raci-csv',
  syntax: 'csv',
  kind: 'raci',
  title: 'RACI matrix CSV',
  signature: [['task'], ['accountable']],
  columns: {
    task: { headers: ['task'], required: true, description: 'The co-managed task or duty' },
    controls: { headers: ['controls'], required: false, description: 'Control ids it serves, separated by ;' },
    responsible: { headers: ['responsible'], required: true, description: 'msp, internal or msp;internal' },
    accountable: { headers: ['accountable'], required: true, description: 'Exactly one: msp or internal' },
    consulted: { headers: ['consulted'], required: false, description: 'msp, internal, both or empty' },
    informed: { headers: ['informed'], required: false, description: 'msp, internal, both or empty' },
  },
  rowSchema: schema,
  toRecord: (row, { source }) => ({ ...row, source }),
  key: (entry) => entry.task.toLowerCase(),
};
