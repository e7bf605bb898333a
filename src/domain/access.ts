// What a signed-in device's role lets it do with mission content, as the sync server enforces it.

export type AccountRole = 'coordinator' | 'technician' | 'observer';

export const ACCOUNT_ROLES: readonly AccountRole[] = ['coordinator', 'technician', 'observer'];

export function isAccountRole(value: unknown): value is AccountRole {
  return typeof value === 'string' && (ACCOUNT_ROLES as readonly string[]).includes(value);
}

/**
 * Observers read the missions assigned to them and the server refuses their writes. Edits made anyway would
 * stay on the phone forever as "not yet on the server", so the app does not offer them. A device never signed
 * in (null) works alone and edits freely.
 */
export function mayEditMissions(role: AccountRole | null): boolean {
  return role !== 'observer';
}
