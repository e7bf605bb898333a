// What every part of the report is given, and the frame each one is printed in.
import type { ComponentChildren } from 'preact';
import type { Sha256 } from '../../../domain/ids.ts';
import type { Mission } from '../../../domain/model.ts';
import type { ReportPhoto } from '../../../domain/report.ts';
import type { ReviewSnapshot } from '../../../domain/review.ts';
import type { MissionSnapshot } from '../../../storage/missionView.ts';

export interface ReportData {
  mission: Mission;
  snapshot: MissionSnapshot;
  /** Null on a device that is not signed in (it has no review), or while the review loads. */
  review: ReviewSnapshot | null;
  includeNotes: boolean;
  /** The photos the reader chose, in report order. */
  photos: readonly ReportPhoto[];
}

export interface SectionProps {
  data: ReportData;
  onPhotoSettled: (sha256: Sha256, settled: boolean) => void;
}

export function ReportSection(props: { id: string; title: string; children: ComponentChildren }) {
  const headingId = `report-${props.id}`;
  return (
    <section class="report-section" aria-labelledby={headingId} data-report-section={props.id}>
      <h2 id={headingId}>{props.title}</h2>
      {props.children}
    </section>
  );
}

export function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="facts__item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
