// Which record a photo of the report comes from, in words: "assessment “Barrio Tarqui”", "field note of 3 May".
import type { ReportPhoto } from '../../../domain/report.ts';
import type { ReportMessageKey } from '../../i18n/messages/reportScreen.ts';
import type { Translator } from '../../i18n/translate.ts';
import type { LocalTranslate } from '../../i18n/useMessages.ts';

export function photoSource(
  item: ReportPhoto,
  i18n: Pick<Translator, 't' | 'date'>,
  t: LocalTranslate<ReportMessageKey>,
): string {
  const { source } = item;
  if (source.kind === 'assessment')
    return t('report.photo.fromAssessment', {
      title: source.title || i18n.t('mission.assessments.untitled'),
    });
  return t('report.photo.fromNote', { date: i18n.date(source.createdAt) });
}
