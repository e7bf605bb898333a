// The invite link's token across the reload that follows removing the previous account: kept in this tab's
// session storage (never in the address), taken once, with the account the person confirmed switching to.
const KEY = 'minga.join';

export function carryInvite(token: string, confirmedTokenId: string): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ token, confirmed: confirmedTokenId }));
  } catch {
    // Without session storage the link is simply opened again: it asks once more.
  }
}

export function takeCarriedInvite(): { token: string; confirmed: string } | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    if (raw === null) return null;
    const value = JSON.parse(raw) as { token?: unknown; confirmed?: unknown };
    return typeof value.token === 'string' && typeof value.confirmed === 'string'
      ? { token: value.token, confirmed: value.confirmed }
      : null;
  } catch {
    return null;
  }
}

/** A fresh page at `path`: nothing of the previous account stays in memory. */
export function openFresh(path: string): void {
  window.location.replace(path);
}
