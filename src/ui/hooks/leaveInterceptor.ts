// The one window listener through which an open form may stop a navigation. It is installed before the router
// starts: for `popstate`, listeners on window run in the order they were added, so the router's would otherwise
// run first and unmount the form before it could ask.
export interface LeaveInterceptor {
  onClick: (event: MouseEvent) => void;
  onPopState: (event: PopStateEvent) => void;
}

let current: LeaveInterceptor | null = null;
let installed = false;

export function installLeaveInterceptor(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  window.addEventListener('click', (event) => current?.onClick(event), true);
  window.addEventListener('popstate', (event) => current?.onPopState(event), true);
}

/** Makes `interceptor` the active one (the form on screen); the returned function removes it again. */
export function setLeaveInterceptor(interceptor: LeaveInterceptor): () => void {
  installLeaveInterceptor();
  current = interceptor;
  return () => {
    if (current === interceptor) current = null;
  };
}
