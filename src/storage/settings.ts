// Device settings: the profile that signs every record and the interface language.
import type { DeviceProfile, Language } from '../domain/model.ts';
import { LANGUAGES } from '../domain/model.ts';
import { TEAM_ROLES, includes } from '../domain/codes.ts';
import { getDb } from './db.ts';

export async function loadProfile(): Promise<DeviceProfile | null> {
  const row = await getDb().settings.get('profile');
  const value = row?.value as Partial<DeviceProfile> | undefined;
  if (!value || typeof value.name !== 'string' || typeof value.deviceId !== 'string') return null;
  return {
    name: value.name,
    institution: typeof value.institution === 'string' ? value.institution : '',
    role: includes(TEAM_ROLES, value.role) ? value.role : 'technician',
    deviceId: value.deviceId,
  };
}

export async function saveProfile(profile: Omit<DeviceProfile, 'deviceId'>): Promise<DeviceProfile> {
  const existing = await loadProfile();
  const saved: DeviceProfile = { ...profile, deviceId: existing?.deviceId ?? crypto.randomUUID() };
  await getDb().settings.put({ key: 'profile', value: saved });
  return saved;
}

export async function loadLanguage(): Promise<Language | null> {
  const row = await getDb().settings.get('language');
  return includes(LANGUAGES, row?.value) ? row.value : null;
}

export async function saveLanguage(language: Language): Promise<void> {
  await getDb().settings.put({ key: 'language', value: language });
}

/** Whether this device holds any mission document: a new phone has none, and nothing to rebuild a list from. */
export async function holdsMissionDocuments(): Promise<boolean> {
  return (await getDb().docs.limit(1).count()) > 0;
}
