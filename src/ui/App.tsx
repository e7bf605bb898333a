// The app shell: language, profile, first-run gate, routes and the status bar.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ErrorBoundary, LocationProvider, Route, Router, lazy } from 'preact-iso';
import type { DeviceProfile, Language } from '../domain/model.ts';
import { holdsMissionDocuments, loadLanguage, loadProfile, saveLanguage } from '../storage/settings.ts';
import { I18nContext } from './i18n/context.tsx';
import { detectLanguage, translator } from './i18n/translate.ts';
import { AppContext } from './appContext.ts';
import { StatusBar } from './components/StatusBar.tsx';
import { UpdatePrompt } from './components/UpdatePrompt.tsx';
import { SetupScreen } from './screens/SetupScreen.tsx';
import { MissionListScreen } from './screens/MissionListScreen.tsx';
import { NotFound } from './screens/NotFound.tsx';
import { routes } from './routes.ts';
import { installLeaveInterceptor } from './hooks/leaveInterceptor.ts';

// Before the router adds its own listeners, so that a form with unsaved changes can stop the back button.
installLeaveInterceptor();

// Mission screens load on first use: the first screen carries only the list.
const MissionScreen = lazy(() => import('./screens/MissionScreen.tsx').then((m) => m.MissionScreen));
const MissionFormScreen = lazy(() =>
  import('./screens/MissionFormScreen.tsx').then((m) => m.MissionFormScreen),
);
const AssessmentScreen = lazy(() => import('./screens/AssessmentScreen.tsx').then((m) => m.AssessmentScreen));
const AssessmentEditScreen = lazy(() =>
  import('./screens/AssessmentScreen.tsx').then((m) => m.AssessmentEditScreen),
);
const NoteScreen = lazy(() => import('./screens/NoteScreen.tsx').then((m) => m.NoteScreen));
const ActionScreen = lazy(() => import('./screens/ActionScreen.tsx').then((m) => m.ActionScreen));
const ActionEditScreen = lazy(() => import('./screens/ActionScreen.tsx').then((m) => m.ActionEditScreen));
const TrashScreen = lazy(() => import('./screens/TrashScreen.tsx').then((m) => m.TrashScreen));
// The printable report is for coordinators: its code and strings load only when it is opened.
const ReportScreen = lazy(() => import('./screens/report/ReportScreen.tsx').then((m) => m.ReportScreen));
const SettingsScreen = lazy(() => import('./screens/SettingsScreen.tsx').then((m) => m.SettingsScreen));
const JoinScreen = lazy(() => import('./screens/JoinScreen.tsx').then((m) => m.JoinScreen));
const AccountsScreen = lazy(() => import('./screens/AccountsScreen.tsx').then((m) => m.AccountsScreen));
const ExportScreen = lazy(() => import('./screens/ExportScreen.tsx').then((m) => m.ExportScreen));
// A coordinator's view: its chunk (and Leaflet's) is not precached, so a technician's phone never downloads it.
const CoordinatorSeverityScreen = lazy(() =>
  import('./coordinator/CoordinatorSeverityScreen.tsx').then((m) => m.CoordinatorSeverityScreen),
);
const DeskScreen = lazy(() => import('./coordinator/desk/DeskScreen.tsx').then((m) => m.DeskScreen));
const HistoryScreen = lazy(() =>
  import('./coordinator/history/HistoryScreen.tsx').then((m) => m.HistoryScreen),
);

function whenIdle(task: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 500);
}

export function App() {
  const [language, setLanguageState] = useState<Language | null>(null);
  const [profile, setProfile] = useState<DeviceProfile | null | undefined>(undefined);

  useEffect(() => {
    void Promise.all([loadLanguage(), loadProfile()]).then(([savedLanguage, savedProfile]) => {
      setLanguageState(savedLanguage ?? detectLanguage(navigator.languages));
      setProfile(savedProfile);
    });
    // Mission documents (and Yjs) load once the first screen is up: the list itself reads Dexie only. A new
    // phone holds none, so its first visit does not parse them for nothing.
    whenIdle(() =>
      holdsMissionDocuments()
        .then(async (holds) => holds && (await import('../storage/commands.ts')).ensureProjections())
        .catch((error: unknown) => console.warn('projection rebuild failed', error)),
    );
  }, []);

  const i18n = useMemo(() => translator(language ?? 'en'), [language]);
  useEffect(() => {
    document.documentElement.lang = i18n.lang;
  }, [i18n]);

  const app = useMemo(
    () => ({
      profile: profile ?? null,
      setProfile,
      setLanguage: (next: Language) => {
        setLanguageState(next);
        void saveLanguage(next);
      },
    }),
    [profile],
  );

  if (language === null || profile === undefined) return <p class="loading">…</p>;

  return (
    <I18nContext.Provider value={i18n}>
      <AppContext.Provider value={app}>
        <LocationProvider>
          <StatusBar />
          <main id="main">
            {profile === null ? (
              // An invite link may be the first thing a new phone opens: it signs in, then setup follows.
              <ErrorBoundary>
                <Router>
                  <Route path={routes.join} component={JoinScreen} />
                  <Route default component={SetupScreen} />
                </Router>
              </ErrorBoundary>
            ) : (
              <ErrorBoundary>
                <Router>
                  <Route path={routes.home} component={MissionListScreen} />
                  <Route path={routes.settings} component={SettingsScreen} />
                  <Route path={routes.join} component={JoinScreen} />
                  <Route path={routes.newMission} component={MissionFormScreen} />
                  <Route path={routes.editMission} component={MissionFormScreen} />
                  <Route path={routes.trash} component={TrashScreen} />
                  <Route path={routes.report} component={ReportScreen} />
                  <Route path={routes.history} component={HistoryScreen} />
                  <Route path={routes.mission} component={MissionScreen} />
                  <Route path={routes.assessment} component={AssessmentScreen} />
                  <Route path={routes.assessmentEdit} component={AssessmentEditScreen} />
                  <Route path={routes.note} component={NoteScreen} />
                  <Route path={routes.action} component={ActionScreen} />
                  <Route path={routes.actionEdit} component={ActionEditScreen} />
                  <Route path={routes.accounts} component={AccountsScreen} />
                  <Route path={routes.export} component={ExportScreen} />
                  <Route path={routes.severity} component={CoordinatorSeverityScreen} />
                  <Route path={routes.desk} component={DeskScreen} />
                  <Route default component={NotFound} />
                </Router>
              </ErrorBoundary>
            )}
          </main>
          <UpdatePrompt />
        </LocationProvider>
      </AppContext.Provider>
    </I18nContext.Provider>
  );
}
