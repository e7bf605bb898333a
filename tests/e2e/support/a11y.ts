// Accessibility checks on a live page: axe-core's WCAG 2.2 AA rules and the 44 px touch-target rule.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string | null;
  nodes: string[];
}

export async function axeViolations(page: Page): Promise<Violation[]> {
  // Evaluated through the debugging protocol: an injected inline script would be blocked by the app's CSP.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{
            violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

/** Controls smaller than 44 × 44 CSS px (text inputs and selects: 44 px high), described for the failure message. */
export async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>(
      'a[href], button, input, select, textarea, summary, [role="button"]',
    );
    const small: string[] = [];
    controls.forEach((element) => {
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) return; // not rendered
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || element.closest('.sr-only')) return;
      // Hidden file inputs, checkboxes and radios are operated through their label: measure the label.
      const byLabel =
        element instanceof HTMLInputElement && ['file', 'checkbox', 'radio'].includes(element.type);
      const target = byLabel
        ? ((element as HTMLInputElement).labels?.[0] ?? element.closest('label'))
        : element;
      if (!target) return;
      const rect = target.getBoundingClientRect();
      if (rect.height < 44 || rect.width < 44) {
        small.push(
          `${target.tagName.toLowerCase()} "${(target.textContent || target.getAttribute('aria-label') || (target as HTMLInputElement).name || '').trim().slice(0, 40)}" ${Math.round(rect.width)}×${Math.round(rect.height)}`,
        );
      }
    });
    return small;
  });
}

/** No axe violation and no touch target under 44 px on the page now; `screen` names it in a failure. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await axeViolations(page);
  const small = await smallTargets(page);
  expect({ screen, violations, small }).toEqual({ screen, violations: [], small: [] });
}
