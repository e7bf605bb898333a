// The report itself, as printed: the mission's heading, then one section per part of a mission report
// (domain.md, "Mission report"). A section with nothing to say renders nothing, so the page holds no blanks.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n/context.tsx';
import { reportScreen } from '../../i18n/messages/reportScreen.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { AssessmentsSection } from './AssessmentsSection.tsx';
import { MissionHeading, ObjectivesSection, TagsSection, TeamSection } from './MissionSections.tsx';
import { NotesSection, PlanSection } from './PlanSections.tsx';
import { PhotosSection } from './PhotosSection.tsx';
import { ReviewPart } from './ReviewPart.tsx';
import type { ReportData, SectionProps } from './section.tsx';

export type { ReportData } from './section.tsx';

/** In reading order. A new part of the mission (people met, products, budget) is one more entry here. */
const SECTIONS: readonly ((props: SectionProps) => JSX.Element | null)[] = [
  TeamSection,
  ObjectivesSection,
  AssessmentsSection,
  NotesSection,
  PlanSection,
  PhotosSection,
  TagsSection,
  ReviewPart,
];

export function ReportDocument(props: {
  data: ReportData;
  ready: boolean;
  onPhotoSettled: SectionProps['onPhotoSettled'];
}) {
  const t = useMessages(reportScreen);
  const { dateTime } = useI18n();
  // Fixed while the report is open: it says when the reader took it, not when it last re-rendered.
  const [openedAt] = useState(() => Date.now());
  const prepared = dateTime(openedAt);
  return (
    <article class="report" data-report-ready={props.ready ? 'true' : 'false'}>
      <MissionHeading mission={props.data.mission} />
      {SECTIONS.map((Section, index) => (
        <Section key={index} data={props.data} onPhotoSettled={props.onPhotoSettled} />
      ))}
      <p class="report__prepared list__meta">{t('report.prepared', { date: prepared })}</p>
    </article>
  );
}
