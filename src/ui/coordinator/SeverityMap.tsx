// Geolocated assessments (coloured by their highest severity, with the number) and notes on a Leaflet map.
// Leaflet loads with this screen only. The basemap is a configurable raster tile layer; when no tile loads
// (offline and never seen, or blocked), the points stay on a plain background with the canton names.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { SEVERITIES } from '../../domain/codes.ts';
import { cantonLabels, limitPoints, type MapPoint } from '../../domain/desk/severity.ts';
import { DEFAULT_TILE_ATTRIBUTION, DEFAULT_TILE_URL } from '../../domain/desk/tiles.ts';
import { useI18n } from '../i18n/context.tsx';
import { useMessages } from '../i18n/useMessages.ts';
import { severityMessages } from '../i18n/messages/severity.ts';
import { link } from '../routes.ts';

/** Who another tile server asks to credit (VITE_TILE_ATTRIBUTION at build time), as plain text. */
const BUILT_ATTRIBUTION = String(import.meta.env.VITE_TILE_ATTRIBUTION ?? '').slice(0, 200);

/** Manabí, when there is nothing to fit the view to. */
const MANABI: L.LatLngTuple = [-0.8, -80.25];

function markerIcon(point: MapPoint): L.DivIcon {
  const inner = document.createElement('span');
  inner.setAttribute('aria-hidden', 'true');
  inner.className =
    point.kind === 'note' ? 'sev-pin sev-pin--note' : `sev-pin sev--${point.severity ?? 'none'}`;
  // A note's marker is a shape of its own (CSS), an assessment's shows its severity as a number.
  if (point.kind === 'assessment') inner.textContent = String(point.severity ?? '·');
  return L.divIcon({ className: 'sev-marker', html: inner, iconSize: [44, 44], iconAnchor: [22, 22] });
}

function cantonIcon(name: string): L.DivIcon {
  const label = document.createElement('span');
  label.textContent = name;
  return L.divIcon({ className: 'sev-canton', html: label, iconSize: [120, 20], iconAnchor: [60, -6] });
}

export function SeverityMap(props: { points: MapPoint[]; tileUrl: string }) {
  const { tileUrl } = props;
  const points = useMemo(() => limitPoints(props.points), [props.points]);
  const t = useMessages(severityMessages);
  const { code } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const markers = useRef<L.LayerGroup | null>(null);
  const labels = useRef<L.LayerGroup | null>(null);
  const [basemap, setBasemap] = useState<'waiting' | 'shown' | 'none'>('waiting');

  useEffect(() => {
    const created = L.map(container.current!, {
      attributionControl: false,
      zoomSnap: 0.5,
      // Points and tiles jump to place: animations cost a slow phone frames and leave markers mid-way.
      zoomAnimation: false,
      fadeAnimation: false,
      markerZoomAnimation: false,
      zoomControl: false,
    });
    L.control
      .zoom({ zoomInTitle: t('severity.map.zoomIn'), zoomOutTitle: t('severity.map.zoomOut') })
      .addTo(created);
    // Leaflet names its popup's close button in English.
    created.on('popupopen', (event) =>
      event.popup
        .getElement()
        ?.querySelector('.leaflet-popup-close-button')
        ?.setAttribute('aria-label', t('severity.map.closePopup')),
    );
    created.setView(MANABI, 8);
    const tiles = L.tileLayer(tileUrl, {
      maxZoom: 18,
      // CORS, so that the service worker can keep the tiles (an opaque answer costs megabytes of quota).
      crossOrigin: 'anonymous',
      // Tile servers ask where their tiles are shown; the app's own pages send no referrer at all.
      referrerPolicy: 'strict-origin',
    });
    tiles.on('tileload', () => setBasemap('shown'));
    tiles.on('tileerror', () => setBasemap((now) => (now === 'shown' ? now : 'none')));
    tiles.addTo(created);
    markers.current = L.layerGroup().addTo(created);
    labels.current = L.layerGroup(
      cantonLabels().map((c) =>
        L.marker([c.lat, c.lon], { icon: cantonIcon(c.name), interactive: false, keyboard: false }),
      ),
    );
    map.current = created;
    return () => {
      created.remove();
      map.current = null;
    };
  }, [tileUrl, t]);

  useEffect(() => {
    const group = labels.current;
    const shown = map.current;
    if (!group || !shown) return;
    if (basemap === 'shown') group.remove();
    else group.addTo(shown);
  }, [basemap, tileUrl]);

  useEffect(() => {
    const group = markers.current;
    const shown = map.current;
    if (!group || !shown) return;
    group.clearLayers();
    for (const point of points) {
      const title =
        point.kind === 'note'
          ? t('severity.marker.note', { excerpt: point.label })
          : point.severity === null
            ? t('severity.marker.assessmentNone', { title: point.label })
            : t('severity.marker.assessment', { title: point.label, severity: point.severity });
      const marker = L.marker([point.lat, point.lon], { icon: markerIcon(point), title, keyboard: true });
      // Built as elements, never as HTML: titles and note texts come from other devices.
      const popup = document.createElement('div');
      const heading = document.createElement('p');
      heading.textContent = title;
      const open = document.createElement('a');
      open.className = 'button';
      open.href =
        point.kind === 'note'
          ? link.note(point.missionId, point.id)
          : link.assessment(point.missionId, point.id);
      open.textContent = t(point.kind === 'note' ? 'severity.map.openNote' : 'severity.map.openAssessment');
      popup.append(heading, open);
      marker.bindPopup(popup);
      marker.on('add', () => marker.getElement()?.setAttribute('aria-label', title));
      marker.addTo(group);
      marker.getElement()?.setAttribute('data-kind', point.kind);
    }
    if (points.length > 0) {
      shown.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lon] as L.LatLngTuple)), {
        maxZoom: 12,
        padding: [32, 32],
        animate: false,
      });
    }
  }, [points, tileUrl, t]);

  const notes = points.filter((p) => p.kind === 'note').length;
  return (
    <>
      <p class="list__meta" role="status">
        {points.length === 0
          ? t('severity.map.empty')
          : t('severity.map.count', { assessments: points.length - notes, notes })}
      </p>
      {props.points.length > points.length && (
        <p class="banner banner--warn">
          {t('severity.map.limited', { shown: points.length, total: props.points.length })}
        </p>
      )}
      {basemap === 'none' && <p class="banner banner--info">{t('severity.map.noBasemap')}</p>}
      <div class={basemap === 'shown' ? 'sev-map' : 'sev-map sev-map--plain'} data-basemap={basemap}>
        {/* Leaflet owns this element's classes: its class attribute never changes after the first render. */}
        <div ref={container} class="sev-map__canvas" role="region" aria-label={t('severity.map.label')} />
      </div>
      {tileUrl === DEFAULT_TILE_URL ? (
        <p class="sev-map__attribution">
          <a href={DEFAULT_TILE_ATTRIBUTION.href} target="_blank" rel="noopener noreferrer">
            {DEFAULT_TILE_ATTRIBUTION.text}
          </a>
        </p>
      ) : (
        BUILT_ATTRIBUTION && <p class="sev-map__attribution">{BUILT_ATTRIBUTION}</p>
      )}
      <h3>{t('severity.map.legend')}</h3>
      <ul class="sev-legend">
        {SEVERITIES.map((severity) => (
          <li key={severity}>
            <span class={`sev-pin sev--${severity}`} aria-hidden="true">
              {severity}
            </span>
            {code('severity', severity)}
          </li>
        ))}
        <li>
          <span class="sev-pin sev--none" aria-hidden="true">
            ·
          </span>
          {t('severity.map.noSeverity')}
        </li>
        <li>
          <span class="sev-pin sev-pin--note" aria-hidden="true" />
          {t('severity.map.note')}
        </li>
      </ul>
    </>
  );
}
