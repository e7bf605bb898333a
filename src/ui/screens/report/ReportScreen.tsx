// A mission's report, to read on screen and print (or save as PDF): the controls that choose what it includes
// are for the screen only; the print stylesheet (report.css) leaves the document alone on the page.
import './report.css';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import type { Sha256 } from '../../../domain/ids.ts';
import { defaultPhotoChoice, reportPhotos } from '../../../domain/report.ts';
import { ErrorBanner } from '../../components/ErrorSummary.tsx';
import { BackLink } from '../../components/BackLink.tsx';
import { useAccountRoleOnceKnown } from '../../hooks/useAccountRole.ts';
import { useMission } from '../../hooks/useMission.ts';
import { useReview } from '../../hooks/useReview.ts';
import { useI18n } from '../../i18n/context.tsx';
import { reportScreen } from '../../i18n/messages/reportScreen.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { link } from '../../routes.ts';
import { NotFound } from '../NotFound.tsx';
import { ReportControls } from './ReportControls.tsx';
import { ReportDocument, type ReportData } from './ReportDocument.tsx';

/** Photos whose image has loaded (or failed, or is not on this device): the report is ready once all chosen are. */
function useSettledPhotos() {
  const [settled, setSettled] = useState<ReadonlySet<Sha256>>(new Set());
  const onSettled = useCallback((sha256: Sha256, done: boolean) => {
    setSettled((current) => {
      if (current.has(sha256) === done) return current;
      const next = new Set(current);
      if (done) next.add(sha256);
      else next.delete(sha256);
      return next;
    });
  }, []);
  return { settled, onSettled };
}

function useDocumentTitle(title: string | null) {
  const t = useMessages(reportScreen);
  useEffect(() => {
    if (title === null) return;
    const before = document.title;
    // What the browser offers as the PDF's file name.
    document.title = t('report.documentTitle', { title });
    return () => {
      document.title = before;
    };
  }, [title, t]);
}

export function ReportScreen() {
  const { params } = useRoute();
  const missionId = params.id ?? '';
  const { t } = useI18n();
  const { snapshot, error } = useMission(missionId);
  const mission = snapshot?.mission ?? null;
  const role = useAccountRoleOnceKnown();
  // A device that is not signed in has no review: the report then has no review section.
  const review = useReview(role && mission ? mission.id : null);
  const [includeNotes, setIncludeNotes] = useState(false);
  const photos = useMemo(
    () => (snapshot ? reportPhotos(snapshot.assessments, snapshot.notes) : []),
    [snapshot],
  );
  const [chosen, setChosen] = useState<ReadonlySet<Sha256> | null>(null);
  const { settled, onSettled } = useSettledPhotos();
  useDocumentTitle(mission?.title ?? null);

  if (error?.reason === 'notFound') return <NotFound />;
  if (error) return <ErrorBanner error={error} />;
  if (!snapshot || role === undefined) return <p class="loading">{t('loading')}</p>;
  if (!mission) return <NotFound />;

  // Until the reader changes it, the choice follows the photos as they arrive (from sync, for instance).
  const choice = chosen ?? defaultPhotoChoice(photos);
  const shown = photos.filter((p) => choice.has(p.photo.sha256));
  const reviewLoaded = role === null || review.snapshot !== null || review.error !== null;
  const ready = reviewLoaded && shown.every((p) => settled.has(p.photo.sha256));
  const data: ReportData = {
    mission,
    snapshot,
    review: role === null ? null : review.snapshot,
    includeNotes,
    photos: shown,
  };

  return (
    <section class="screen report-screen">
      <div class="report-controls">
        <BackLink href={link.mission(mission.id)}>{t('mission.backToMission')}</BackLink>
        <ReportControls
          ready={ready}
          includeNotes={includeNotes}
          onIncludeNotes={setIncludeNotes}
          photos={photos}
          chosen={choice}
          onChoose={setChosen}
        />
        <ErrorBanner error={review.error} />
      </div>
      <ReportDocument data={data} ready={ready} onPhotoSettled={onSettled} />
    </section>
  );
}
