// The signed-in device profile and the language setter, for every screen.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DeviceProfile, Language } from '../domain/model.ts';

export interface AppState {
  profile: DeviceProfile | null;
  setProfile: (profile: DeviceProfile) => void;
  setLanguage: (language: Language) => void;
}

export const AppContext = createContext<AppState>({
  profile: null,
  setProfile: () => {},
  setLanguage: () => {},
});

export function useApp(): AppState {
  return useContext(AppContext);
}

/** Screens behind the first-run setup can rely on a profile. */
export function useProfile() {
  const { profile } = useApp();
  if (!profile) throw new Error('profile required');
  return profile;
}
