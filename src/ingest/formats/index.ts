import type { AnyFormat } from '../format.ts';
import { genericAccessReviewsCsv } from './access-reviews.ts';
import { genericAlertsCsv, securityHubJson, wazuhAlertsJson } from './alerts.ts';
import { genericFindingsCsv } from './generic-findings-csv.ts';
import { genericJson } from './generic-json.ts';
import { genericTicketsCsv } from './generic-tickets-csv.ts';
import { nessusCsv } from './nessus-csv.ts';
import { nessusXml } from './nessus-xml.ts';
import { openvasCsv, openvasXml } from './openvas.ts';
import { genericPatchesCsv } from './patches.ts';
import { autotaskTicketsCsv, connectwiseTicketsCsv, halopsaTicketsCsv } from './psa-tickets.ts';
import { qualysCsv } from './qualys-csv.ts';
import { raciCsv } from './raci-csv.ts';
import { genericRemoteSessionsCsv } from './remote-sessions.ts';
import { genericRestoreTestsCsv, veeamSessionsCsv } from './restore-tests.ts';
import { riskAcceptancesYaml } from './risk-acceptances.ts';
import { wazuhVulnerabilitiesJson } from './wazuh-vulnerabilities-json.ts';

/** The documented generic CSV formats: the way in for any tool without an adapter; each has a JSON twin and a JSON Schema. */
export const genericCsvFormats = [
  genericFindingsCsv,
  genericTicketsCsv,
  genericAlertsCsv,
  genericRestoreTestsCsv,
  genericAccessReviewsCsv,
  genericRemoteSessionsCsv,
  genericPatchesCsv,
] as const;

/** Every format, most specific first: detection takes the first that matches. */
export const formats: readonly AnyFormat[] = [
  ...genericCsvFormats,
  raciCsv,
  qualysCsv,
  openvasCsv,
  nessusCsv,
  connectwiseTicketsCsv,
  autotaskTicketsCsv,
  halopsaTicketsCsv,
  veeamSessionsCsv,
  nessusXml,
  openvasXml,
  wazuhVulnerabilitiesJson,
  securityHubJson,
  wazuhAlertsJson,
  ...genericCsvFormats.map((f) => genericJson(f as never)),
  riskAcceptancesYaml,
] as never;
