// Small markers on a list row: photos (with their count), a GPS position, links. Each is an icon and words.
import type { JSX } from 'preact';
import type { RecordMarkers as Markers } from '../../domain/recordMarkers.ts';
import { useI18n } from '../i18n/context.tsx';

// Outline icons drawn in the text colour, so they keep the row's contrast; hidden from screen readers, which
// read the words beside them.
const ICONS = {
  photos: 'M4 8h4l2-3h4l2 3h4v11H4zM12 16.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7',
  gps: 'M12 21s-6-6.2-6-11a6 6 0 0 1 12 0c0 4.8-6 11-6 11zM12 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5',
  links: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
} as const;

function Marker(props: {
  icon: keyof typeof ICONS;
  visible: string;
  label: string;
  name: string;
}): JSX.Element {
  return (
    <span class="record-marker" data-marker={props.name}>
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d={ICONS[props.icon]} />
      </svg>
      <span aria-hidden="true">{props.visible}</span>
      <span class="sr-only">{props.label}</span>
    </span>
  );
}

export function RecordMarkers({ markers }: { markers: Markers }) {
  const { t, number } = useI18n();
  if (markers.photos === 0 && !markers.gps && markers.links === 0) return null;
  return (
    <span class="record-markers">
      {markers.photos > 0 && (
        <Marker
          name="photos"
          icon="photos"
          visible={number(markers.photos)}
          label={t('markers.photos', { count: number(markers.photos) })}
        />
      )}
      {markers.gps && (
        <Marker name="gps" icon="gps" visible={t('markers.gpsShort')} label={t('markers.gps')} />
      )}
      {markers.links > 0 && (
        <Marker
          name="links"
          icon="links"
          visible={number(markers.links)}
          label={t('markers.links', { count: number(markers.links) })}
        />
      )}
    </span>
  );
}
