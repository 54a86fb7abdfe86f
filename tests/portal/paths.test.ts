import { expect, it } from 'vitest';
import { clientIndexPath, periodPagePath, relativeHref } from '../../src/site/lib/paths.ts';

it('makes relative hrefs that name files', () => {
  const findings = periodPagePath('smile-dental', '2026-Q3', 'findings');
  expect(findings).toBe('smile-dental/2026-Q3/findings.html');
  expect(relativeHref(findings, periodPagePath('smile-dental', '2026-Q3', 'index'))).toBe('index.html');
  expect(relativeHref(findings, periodPagePath('smile-dental', '2026-Q2', 'index'))).toBe('../2026-Q2/index.html');
  expect(relativeHref(findings, clientIndexPath('smile-dental'))).toBe('../index.html');
  expect(relativeHref(clientIndexPath('smile-dental'), findings)).toBe('2026-Q3/findings.html');
});
