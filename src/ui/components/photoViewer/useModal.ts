// A modal <dialog> that the phone's back button closes: opening adds a history entry, closing takes it away.
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { RefObject } from 'preact';

/**
 * Shows `dialog` as a modal (the rest of the page inert, so focus stays inside) and returns `requestClose`.
 * Back, Escape and requestClose all close through the history entry, so the entry never outlives the dialog;
 * `onClose` runs once it is gone, and focus then returns to what had it before.
 */
export function useModal(dialog: RefObject<HTMLDialogElement>, onClose: () => void): () => void {
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  const pushed = useRef(false);

  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const opener = element.ownerDocument.activeElement as HTMLElement | null;
    element.showModal();
    history.pushState(history.state, '');
    pushed.current = true;
    const onPopState = (event: PopStateEvent) => {
      // The entry this dialog added is gone: the page under it has not changed, so the router need not hear.
      event.stopImmediatePropagation();
      pushed.current = false;
      closeRef.current();
    };
    // Capture on window runs before the router's own listener.
    window.addEventListener('popstate', onPopState, { capture: true });
    return () => {
      window.removeEventListener('popstate', onPopState, { capture: true });
      if (element.open) element.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [dialog]);

  const requestClose = () => {
    if (pushed.current) history.back();
    else closeRef.current();
  };

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const onCancel = (event: Event) => {
      event.preventDefault();
      requestClose();
    };
    element.addEventListener('cancel', onCancel);
    return () => element.removeEventListener('cancel', onCancel);
  });

  return requestClose;
}
