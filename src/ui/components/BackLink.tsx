// The "back" link at the top of a screen: a full-height touch target, not a thin line of text.
import type { ComponentChildren } from 'preact';

export function BackLink({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <p class="back-link">
      <a href={href}>
        <span aria-hidden="true">← </span>
        {children}
      </a>
    </p>
  );
}
