// Shown for a link that leads nowhere.
import { useI18n } from '../i18n/context.tsx';
import { link } from '../routes.ts';

export function NotFound() {
  const { t } = useI18n();
  return (
    <section class="screen">
      <p>{t('error.notFound')}</p>
      <a class="button" href={link.home()}>
        {t('nav.missions')}
      </a>
    </section>
  );
}
