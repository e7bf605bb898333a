// Route patterns and the links built from them: one place, so links and routes cannot drift apart.
export const routes = {
  home: '/',
  settings: '/settings',
  newMission: '/missions/new',
  editMission: '/missions/:id/edit',
  mission: '/missions/:id/:tab?',
  assessment: '/missions/:id/assessments/:recordId',
  assessmentEdit: '/missions/:id/assessments/:recordId/edit',
  note: '/missions/:id/notes/:recordId',
  action: '/missions/:id/actions/:recordId',
  actionEdit: '/missions/:id/actions/:recordId/edit',
  trash: '/missions/:id/trash',
  report: '/missions/:id/report',
  /** Invite links: `/join#token=…` (see src/sync/account.ts inviteLink). */
  join: '/join',
  /** The year's execution and accountability report: `/accounts?year=2016`. */
  accounts: '/accounts',
  /** `?mission=<id>` offers that mission first. */
  export: '/export',
  /** Severity across missions; `?canton=EC1317&sector=wash` lists the assessments behind one cell. */
  severity: '/severity',
  /** The coordinator's desk: every mission in a table, with what is new since the user last looked. */
  desk: '/desk',
  /** A mission's stored versions on the server (coordinators). */
  history: '/missions/:id/history',
} as const;

export type MissionTab = 'overview' | 'assessments' | 'notes' | 'actions';

export const link = {
  home: () => '/',
  settings: () => '/settings',
  newMission: () => '/missions/new',
  editMission: (id: string) => `/missions/${id}/edit`,
  mission: (id: string, tab: MissionTab = 'overview') =>
    tab === 'overview' ? `/missions/${id}` : `/missions/${id}/${tab}`,
  /** `recordId` "new" opens an empty form; a saved record opens in its read view, with Edit. */
  assessment: (id: string, recordId = 'new') => `/missions/${id}/assessments/${recordId}`,
  note: (id: string, recordId = 'new') => `/missions/${id}/notes/${recordId}`,
  action: (id: string, recordId = 'new') => `/missions/${id}/actions/${recordId}`,
  assessmentEdit: (id: string, recordId: string) => `/missions/${id}/assessments/${recordId}/edit`,
  actionEdit: (id: string, recordId: string) => `/missions/${id}/actions/${recordId}/edit`,
  trash: (id: string) => `/missions/${id}/trash`,
  accounts: (year?: number) => (year ? `/accounts?year=${year}` : '/accounts'),
  export: (missionId?: string) =>
    missionId ? `/export?mission=${encodeURIComponent(missionId)}` : '/export',
  report: (id: string) => `/missions/${id}/report`,
  severity: (cell?: { canton: string; sector: string }) =>
    cell ? `/severity?${new URLSearchParams(cell).toString()}` : '/severity',
  desk: () => '/desk',
  history: (id: string) => `/missions/${id}/history`,
};
