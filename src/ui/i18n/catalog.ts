// All message catalogues merged; the English one defines the keys.
import type { Language } from '../../domain/model.ts';
import { common } from './messages/common.ts';
import { codes } from './messages/codes.ts';
import { missions } from './messages/missions.ts';
import { assessments } from './messages/assessments.ts';
import { notes } from './messages/notes.ts';
import { actions } from './messages/actions.ts';
import { settings } from './messages/settings.ts';
import { pwa } from './messages/pwa.ts';
import { sync } from './messages/sync.ts';
import { access } from './messages/access.ts';
import { marks } from './messages/marks.ts';
import { photoStorage } from './messages/photoStorage.ts';
import { numbers } from './messages/numbers.ts';
import { photoViewer } from './messages/photoViewer.ts';
import { forms } from './messages/forms.ts';
import { search } from './messages/search.ts';
import { exchange } from './messages/exchange.ts';
import { accounts } from './messages/accounts.ts';
import { exportFiles } from './messages/exports.ts';
import { missionFields } from './messages/missionFields.ts';
import { report } from './messages/report.ts';
import { desk } from './messages/desk.ts';
import { history } from './messages/history.ts';
import { syncProgress } from './messages/syncProgress.ts';
import { offlineReadiness } from './messages/offlineReadiness.ts';
import { reviewStates } from './messages/reviewStates.ts';
import { backup } from './messages/backup.ts';

const parts = [
  common,
  codes,
  missions,
  assessments,
  notes,
  actions,
  settings,
  pwa,
  sync,
  access,
  marks,
  photoStorage,
  numbers,
  photoViewer,
  forms,
  search,
  exchange,
  accounts,
  exportFiles,
  missionFields,
  report,
  desk,
  history,
  syncProgress,
  reviewStates,
  offlineReadiness,
  backup,
] as const;

type KeysOf<T> = T extends { en: infer E } ? keyof E : never;
export type MessageKey = Extract<KeysOf<(typeof parts)[number]>, string>;

export const CATALOGS: Record<Language, Record<MessageKey, string>> = {
  en: Object.assign({}, ...parts.map((p) => p.en)),
  es: Object.assign({}, ...parts.map((p) => p.es)),
  ca: Object.assign({}, ...parts.map((p) => p.ca)),
  pt: Object.assign({}, ...parts.map((p) => p.pt)),
};

/** Every catalogue part, for the test that no key is defined twice. */
export const CATALOG_PARTS = parts;
