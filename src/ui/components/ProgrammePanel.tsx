// Settings' way to the screens that work across every mission on the device (they load only when opened).
import { useI18n } from '../i18n/context.tsx';
import { link } from '../routes.ts';

export function ProgrammePanel() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="settings-programme">
      <h2 id="settings-programme">{t('accounts.programme')}</h2>
      <p class="field__hint">{t('accounts.programmeHint')}</p>
      <p>
        <a class="button" href={link.accounts()}>
          {t('accounts.link')}
        </a>
      </p>
      <p>
        <a class="button" href={link.desk()}>
          {t('nav.desk')}
        </a>
      </p>
    </section>
  );
}
