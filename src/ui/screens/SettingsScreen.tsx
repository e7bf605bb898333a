// Settings: the interface language and the device profile, the same controls as the first-run setup.
import { useState } from 'preact/hooks';
import type { DeviceProfile } from '../../domain/model.ts';
import { useApp } from '../appContext.ts';
import { useI18n } from '../i18n/context.tsx';
import { link } from '../routes.ts';
import { LanguagePicker, ProfileForm } from './SetupScreen.tsx';
import { StoragePanel } from '../components/StoragePanel.tsx';
import { SyncPanel } from '../components/SyncPanel.tsx';
import { ExchangePanel } from '../components/ExchangePanel.tsx';
import { ProgrammePanel } from '../components/ProgrammePanel.tsx';
import { TileSettings } from '../components/desk/TileSettings.tsx';

export function SettingsScreen() {
  const { t } = useI18n();
  const { profile, setProfile } = useApp();
  const [saved, setSaved] = useState(false);

  const onSaved = (next: DeviceProfile) => {
    setProfile(next);
    setSaved(true);
  };

  return (
    <section class="screen settings">
      <header class="screen__header">
        <h1>{t('settings.title')}</h1>
        <a class="button" href={link.home()}>
          {t('nav.back')}
        </a>
      </header>
      <section aria-labelledby="settings-language">
        <h2 id="settings-language">{t('settings.language')}</h2>
        {/* The heading names the section; the picker's own legend stays for screen readers. */}
        <LanguagePicker hideLegend />
      </section>
      <section aria-labelledby="settings-profile">
        <h2 id="settings-profile">{t('settings.profile')}</h2>
        <p class="field__hint">{t('settings.profileHint')}</p>
        {saved && (
          <p class="banner banner--info" role="status">
            {t('settings.saved')}
          </p>
        )}
        <ProfileForm initial={profile} onSaved={onSaved} />
      </section>
      <SyncPanel />
      <ExchangePanel />
      <ProgrammePanel />
      <section aria-labelledby="settings-export">
        <h2 id="settings-export">{t('export.title')}</h2>
        <p class="field__hint">{t('export.settingsHint')}</p>
        <a class="button" href={link.export()}>
          {t('export.open')}
        </a>
      </section>
      <StoragePanel />
      <TileSettings />
    </section>
  );
}
