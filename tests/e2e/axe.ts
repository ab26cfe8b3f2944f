// axe-core (wcag2a, wcag2aa) on the page as it is shown: what a screen reader user or a person
// with low vision would trip on. Critical and serious findings, each named with its nodes.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export async function seriousFindings(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'best-practice']).analyze();
  return result.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 4)
          .map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join(' ').trim()}`)
          .join(' | ')}${v.nodes.length > 4 ? ` … ${v.nodes.length} nodes` : ''}`,
    );
}
