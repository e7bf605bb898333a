// A GPS fix's accuracy and a link that opens it in the phone's maps app (a geo: URI).
import type { GeoPoint } from '../../domain/model.ts';
import { geoUri } from '../../domain/recordMarkers.ts';
import { useI18n } from '../i18n/context.tsx';

export function GeoLink({ gps }: { gps: GeoPoint }) {
  const { t } = useI18n();
  const href = geoUri(gps);
  if (!href) return null;
  // Five decimals is about a metre: finer digits would claim a precision the phone does not have.
  const lat = gps.lat.toFixed(5);
  const lon = gps.lon.toFixed(5);
  return (
    <a class="geo-link" href={href} aria-label={t('geo.openLabel', { lat, lon })}>
      {t('geo.open')}
    </a>
  );
}
