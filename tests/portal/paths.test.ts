import { expect, it } from 'vitest';
import { clientIndexPath, controlAnchor, periodPagePath, relativeHref } from '../../src/site/lib/paths.ts';

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
