// Leaving a form with unsaved changes asks first, whichever way the user leaves: Cancel, a link, the browser's
// back button or gesture, or closing the tab. A form without changes is left at once.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { setLeaveInterceptor } from './leaveInterceptor.ts';

export interface LeaveGuard {
  /** Leaves for `href` (an in-app path), asking first when the form has changes; the draft is discarded. */
  leave: (href: string) => void;
  /** True while the question "Discard your changes?" is on screen. */
  asking: boolean;
  /** The user keeps editing: nothing changes. */
  keep: () => void;
  /** The user discards the changes: the draft is dropped and the pending navigation goes ahead. */
  confirm: () => void;
}

/** The in-app path an ordinary click on a link would open, or null for links the browser handles itself. */
function inAppTarget(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return null;
  const anchor = event.composedPath().find((el): el is HTMLAnchorElement => el instanceof HTMLAnchorElement);
  const href = anchor?.getAttribute('href');
  if (!anchor || !href || href.startsWith('#') || anchor.download) return null;
  if (anchor.origin !== location.origin || !/^(_?self)?$/i.test(anchor.target)) return null;
  return anchor.href.replace(location.origin, '');
}

export function useLeaveGuard(changed: boolean, discard: () => Promise<void>): LeaveGuard {
  const { route } = useLocation();
  const [pending, setPending] = useState<(() => void) | null>(null);
  const changedRef = useRef(changed);
  changedRef.current = changed;
  const discardRef = useRef(discard);
  discardRef.current = discard;
  // Set once the user chose to leave: the navigation that follows must not be asked about again.
  const leaving = useRef(false);
  const guarded = () => changedRef.current && !leaving.current;

  const go = (navigate: () => void) => () => {
    leaving.current = true;
    setPending(null);
    void discardRef.current().then(navigate, navigate);
  };

  useEffect(() => {
    const here = location.pathname + location.search;
    const onClick = (event: MouseEvent) => {
      if (!guarded()) return;
      const target = inAppTarget(event);
      if (target === null) return;
      // Capture phase on window: the router's click listener never sees this click.
      event.preventDefault();
      event.stopPropagation();
      setPending(() => go(() => route(target)));
    };
    const onPopState = (event: PopStateEvent) => {
      // A step back that keeps the form's address closes something over the form (the photo viewer's entry).
      if (!guarded() || location.pathname + location.search === here) return;
      event.stopImmediatePropagation();
      // The browser has already stepped back: the form's address returns, and back is taken only on "Discard".
      history.pushState(null, '', here);
      setPending(() => go(() => history.back()));
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!guarded()) return;
      event.preventDefault();
      // Older browsers show their question only when a return value is set.
      event.returnValue = '';
    };
    const release = setLeaveInterceptor({ onClick, onPopState });
    addEventListener('beforeunload', onBeforeUnload);
    return () => {
      release();
      removeEventListener('beforeunload', onBeforeUnload);
    };
    // The listeners read the latest state through refs; they are set once per form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return {
    leave: (href) => {
      const navigate = go(() => route(href));
      if (guarded()) setPending(() => navigate);
      else navigate();
    },
    asking: pending !== null,
    keep: () => setPending(null),
    confirm: () => pending?.(),
  };
}
