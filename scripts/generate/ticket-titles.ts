/** Help-desk ticket titles as users and techs write them, including commas, quotes and pasted addresses. */
import type { OwnerSide, Priority } from '../../src/model/client.ts';
import type { ClientKind } from './clients.ts';
import type { Rng } from './random.ts';

interface TitleTemplate {
  text: string;
  side: OwnerSide;
  priorities: readonly Priority[];
}

const t = (side: OwnerSide, priorities: string, text: string): TitleTemplate => ({
  text,
  side,
  priorities: priorities.split('').map((p) => `P${p}` as Priority),
});

const templates: readonly TitleTemplate[] = [
  t('msp', '1', 'Ransomware behaviour blocked by EDR on {host}, host isolated'),
  t('msp', '1', 'Internet down at {site} office'),
  t('msp', '1', '{app} server unreachable, all users affected'),
  t('msp', '12', "Suspicious inbox rule created on {person}'s mailbox"),
  t('msp', '2', 'Backup job failed: {server} nightly'),
  t('msp', '23', 'EDR alert triage: PowerShell download cradle on {host}'),
  t('msp', '2', 'VPN not connecting for remote staff'),
  t('msp', '2', 'Firewall HA failover alert'),
  t('msp', '23', 'Disk space critical on {server} (C: 3% free)'),
  t('msp', '2', 'SIEM alert: impossible travel sign-in for {person}'),
  t('msp', '23', 'Email delivery delayed, external senders getting bounces'),
  t('msp', '3', 'Password reset for {person}'),
  t('msp', '34', 'Account locked out: {person}'),
  t('msp', '3', 'Outlook keeps asking for password, "Need password" banner'),
  t('msp', '34', 'Printer {printer} offline'),
  t('msp', '3', 'New laptop setup for {person}'),
  t('msp', '3', '{app} running slow on {host}'),
  t('msp', '3', 'Teams audio not working, headset not detected'),
  t('msp', '3', 'MFA: new phone, re-register authenticator for {person}'),
  t('msp', '3', 'Patch deployment failed on {host} (cumulative update rolled back)'),
  t('msp', '3', 'Restore request: deleted folder "Shared Scans" from file share'),
  t('msp', '23', 'Phishing report: "Your mailbox is full" <it-support@mai1box-help.example>'),
  t('msp', '3', 'EDR alert triage: unsigned driver blocked on {host}'),
  t('msp', '34', 'Monitor flickering at front desk, 2nd floor'),
  t('msp', '34', 'VPN issue: {person} disconnected every 10 minutes'),
  t('msp', '4', 'Add {person} to shared mailbox'),
  t('msp', '4', 'Install Adobe Acrobat Pro for {person}'),
  t('msp', '4', 'Request: second monitor for {person}'),
  t('msp', '4', 'Update email signature, new title for {person}'),
  t('msp', '4', 'Printer {printer} low toner, order cartridges'),
  t('msp', '4', 'Wi-Fi slow in conference room'),
  t('msp', '4', 'Quarterly restore test: {server}'),
  t('msp', '4', 'Replace UPS battery in server closet'),
  t('msp', '4', '-- low priority -- remove old printer mappings'),
  t('internal', '23', 'Access approval: {person} requests {app} admin rights'),
  t('internal', '23', 'Offboarding: disable {person}, last day Friday'),
  t('internal', '3', 'New hire onboarding: {person}, {role} (start Monday)'),
  t('internal', '23', 'Vendor remote session request: {vendor} support for {app}'),
  t('internal', '34', 'Quarterly access review sign-off, {app}'),
  t('internal', '34', 'Security awareness training overdue: 4 staff'),
  t('internal', '2', 'Lost phone reported by {person}, wipe company data'),
  t('internal', '34', 'Policy exception request: USB storage for {person}'),
  t('internal', '4', 'Update asset list for front office, 3 new PCs'),
  t('internal', '4', 'Order replacement badge for {person}'),
];

/** Multi-line, as when a user pastes an email into the portal; one per file exercises quoted newlines. */
export const multiLineTitle = 'Scanner on {printer} not sending to email\nUser says: "it worked until yesterday"';

const people = [
  'Alicia Moreno', 'Ben Carter', 'Chloe Park', 'Darnell Hughes', 'Elena Petrova', 'Farid Haddad', 'Grace Liu', 'Hannah Brooks',
  'Isaac Levin', 'Jada Simmons', 'Kevin Oduya', 'Laura Chen', 'Miguel Santos', 'Nora Quinn', 'Omar Siddiqui', 'Paula Jensen',
  'Quentin Dubois', 'Rosa Delgado', 'Sofia Rossi', 'Tyler Grant', 'Uma Patel', 'Victor Nguyen', 'Wendy Fischer', 'Zoe Kaplan',
];

const flavour: Record<ClientKind, { apps: readonly string[]; roles: readonly string[]; vendors: readonly string[]; sites: readonly string[] }> = {
  dental: {
    apps: ['Dentrix', 'Dexis imaging', 'patient portal', 'e-claims'],
    roles: ['hygienist', 'front desk', 'dental assistant', 'billing coordinator'],
    vendors: ['imaging vendor', 'practice-management vendor'],
    sites: ['Main Street', 'Riverside', 'Eastgate'],
  },
  cpa: {
    apps: ['UltraTax CS', 'CCH Axcess', 'QuickBooks', 'client portal'],
    roles: ['staff accountant', 'tax senior', 'admin assistant', 'audit manager'],
    vendors: ['tax software vendor', 'document management vendor'],
    sites: ['Downtown', 'Westfield'],
  },
  brokerage: {
    apps: ['Bloomberg Terminal', 'Salesforce', 'order management system', 'trade blotter'],
    roles: ['registered representative', 'operations analyst', 'compliance associate', 'trader'],
    vendors: ['market data vendor', 'OMS vendor', 'CRM integrator'],
    sites: ['Midtown', 'White Plains'],
  },
};

export function fillTitle(text: string, kind: ClientKind, prefix: string, rng: Rng): string {
  const f = flavour[kind];
  const n = (max: number): string => String(rng.int(1, max)).padStart(2, '0');
  return text
    .replaceAll('{person}', () => rng.pick(people))
    .replaceAll('{app}', () => rng.pick(f.apps))
    .replaceAll('{role}', () => rng.pick(f.roles))
    .replaceAll('{vendor}', () => rng.pick(f.vendors))
    .replaceAll('{site}', () => rng.pick(f.sites))
    .replaceAll('{host}', () => `${prefix}-WS${n(30)}`)
    .replaceAll('{server}', () => `${prefix}-SRV${n(4)}`)
    .replaceAll('{printer}', () => `${prefix}-PRN${n(3)}`);
}

export function pickTemplate(side: OwnerSide, priority: Priority, rng: Rng): string {
  const fits = templates.filter((x) => x.side === side && x.priorities.includes(priority));
  // Internal staff rarely open P1s; fall back to the MSP's wording for that priority.
  return rng.pick(fits.length > 0 ? fits : templates.filter((x) => x.priorities.includes(priority))).text;
}
