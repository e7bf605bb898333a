// First run: the interface language, then the profile that signs every record made on this device.
import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { TEAM_ROLES, type TeamRole } from '../../domain/codes.ts';
import type { MingaError } from '../../domain/errors.ts';
import { toMingaError } from '../../domain/errors.ts';
import type { DeviceProfile, Language } from '../../domain/model.ts';
import type { FieldErrors } from '../../domain/validation.ts';
import { saveProfile } from '../../storage/settings.ts';
import { useApp } from '../appContext.ts';
import { ErrorBanner } from '../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../components/fields.tsx';
import { useI18n } from '../i18n/context.tsx';

// The order people of the programme expect: Catalan senders, Spanish-speaking hosts, then English, then the
// Portuguese of partner cities (Maputo, Brazilian members of the city networks).
const PICKER_LANGUAGES: readonly Language[] = ['ca', 'es', 'en', 'pt'];

/** One large button per language; switching re-renders the whole app in the chosen language at once. */
export function LanguagePicker({ hideLegend = false }: { hideLegend?: boolean }) {
  const { t, lang } = useI18n();
  const { setLanguage } = useApp();
  return (
    <fieldset class="field language-picker">
      <legend class={hideLegend ? 'sr-only' : undefined}>{t('settings.language')}</legend>
      <div class="language-picker__options">
        {PICKER_LANGUAGES.map((language) => (
          <button
            key={language}
            type="button"
            lang={language}
            class={language === lang ? 'button button--primary' : 'button'}
            aria-pressed={language === lang}
            onClick={() => setLanguage(language)}
          >
            {t(`settings.languageName.${language}`)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

interface ProfileFormProps {
  initial: DeviceProfile | null;
  onSaved: (saved: DeviceProfile) => void;
}

/** Name, home institution and role; validated and written through the settings store. */
export function ProfileForm({ initial, onSaved }: ProfileFormProps) {
  const { t, code } = useI18n();
  const [name, setName] = useState(initial?.name ?? '');
  const [institution, setInstitution] = useState(initial?.institution ?? '');
  const [role, setRole] = useState<TeamRole>(initial?.role ?? 'technician');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<MingaError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (name.trim() === '') {
      setErrors({ name: 'required' });
      return;
    }
    setErrors({});
    setFailure(null);
    setBusy(true);
    try {
      const saved = await saveProfile({ name: name.trim(), institution: institution.trim(), role });
      setBusy(false);
      onSaved(saved);
    } catch (error) {
      setBusy(false);
      setFailure(toMingaError(error));
    }
  };

  return (
    <form class="profile-form" noValidate onSubmit={(event) => void submit(event)}>
      <ErrorBanner error={failure} />
      <TextField label={t('settings.name')} name="name" value={name} error={errors.name} onInput={setName} />
      <TextField
        label={t('settings.institution')}
        name="institution"
        value={institution}
        onInput={setInstitution}
      />
      <SelectField
        label={t('settings.role')}
        name="role"
        value={role}
        options={TEAM_ROLES.map((value) => ({ value, label: code('teamRole', value) }))}
        onChange={(value) => setRole(value as TeamRole)}
      />
      <div class="form-actions">
        <button type="submit" class="button button--primary" disabled={busy}>
          {t('action.save')}
        </button>
      </div>
    </form>
  );
}

export function SetupScreen() {
  const { t } = useI18n();
  const { setProfile } = useApp();
  return (
    <section class="screen setup">
      <h1>{t('settings.setupTitle')}</h1>
      <p>{t('settings.setupIntro')}</p>
      <LanguagePicker />
      <h2>{t('settings.profile')}</h2>
      <p class="field__hint">{t('settings.profileHint')}</p>
      <ProfileForm initial={null} onSaved={setProfile} />
    </section>
  );
}
