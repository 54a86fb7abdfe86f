import { genericFindingsCsv } from './generic-findings-csv.ts';
import { genericTicketsCsv } from './generic-tickets-csv.ts';
import { nessusCsv } from './nessus-csv.ts';
import { raciCsv } from './raci-csv.ts';

/** Every CSV format, most specific signature first: detection takes the first that matches. */
export const csvFormats = [genericFindingsCsv, genericTicketsCsv, raciCsv, nessusCsv] as const;
