import { expect, it } from 'vitest';
import { loadFrameworks } from '../../src/frameworks/load.ts';
import { clientIndexPath, controlAnchor, controlPagePath, controlSlug, periodPagePath, relativeHref } from '../../src/site/lib/paths.ts';

it('makes relative hrefs that name files', () => {
  const findings = periodPagePath('smile-dental', '2026-Q3', 'findings');
  expect(findings).toBe('smile-dental/2026-Q3/findings.html');
  expect(relativeHref(findings, periodPagePath('smile-dental', '2026-Q3', 'index'))).toBe('index.html');
  expect(relativeHref(findings, periodPagePath('smile-dental', '2026-Q2', 'index'))).toBe('../2026-Q2/index.html');
  expect(relativeHref(findings, clientIndexPath('smile-dental'))).toBe('../index.html');
  expect(relativeHref(clientIndexPath('smile-dental'), findings)).toBe('2026-Q3/findings.html');
});

it('turns a control id into a plain-word anchor, distinct per framework', () => {
  expect(controlAnchor({ framework: 'hipaa', id: '164.308(a)(1)(ii)(A)' })).toBe('control-hipaa-164-308-a-1-ii-A');
  expect(controlAnchor({ framework: 'nydfs-500', id: '500.16(a)(1)' })).toBe('control-nydfs-500-500-16-a-1');
  expect(controlAnchor({ framework: 'pci-dss', id: '12.10.1' })).toBe('control-pci-dss-12-10-1');
});

it("names a control's page in lower case, one distinct file per control of every shipped catalog", async () => {
  expect(controlSlug({ framework: 'hipaa', id: '164.308(a)(1)(ii)(A)' })).toBe('hipaa-164-308-a-1-ii-a');
  expect(controlPagePath('smile-dental', '2026-Q3', { framework: 'pci-dss-4.0.1', id: 'A2.1.1' })).toBe('smile-dental/2026-Q3/controls/pci-dss-4.0.1-a2-1-1.html');
  expect(relativeHref(controlPagePath('smile-dental', '2026-Q3', { framework: 'hipaa', id: '164.312(b)' }), periodPagePath('smile-dental', '2026-Q3', 'findings'))).toBe('../findings.html');
  const { catalogs } = await loadFrameworks('content/frameworks');
  const controls = catalogs.flatMap((c) => c.controls);
  expect(controls.length).toBeGreaterThan(400);
  const slugs = new Set(controls.map(controlSlug));
  expect(slugs.size).toBe(controls.length);
  for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9.-]+$/);
});
