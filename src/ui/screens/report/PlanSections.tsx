// The report's action plan (overdue items first and written out as such) and, when chosen, the field notes.
import { notesInOrder } from '../../../domain/report.ts';
import { planRows } from '../../components/mission/ActionList.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { reportScreen } from '../../i18n/messages/reportScreen.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { ReportSection, type SectionProps } from './section.tsx';

export function PlanSection({ data }: SectionProps) {
  const { t, code, date } = useI18n();
  const rows = planRows(data.snapshot.actions);
  if (rows.length === 0) return null;
  return (
    <ReportSection id="actions" title={t('mission.tab.actions')}>
      <table class="report-table">
        <thead>
          <tr>
            <th scope="col">{t('actionItem.activity')}</th>
            <th scope="col">{t('actionItem.status')}</th>
            <th scope="col">{t('actionItem.responsible')}</th>
            <th scope="col">{t('actionItem.dueDate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ action, overdue }) => (
            <tr
              key={action.id}
              data-action-id={action.id}
              class={overdue ? 'report-table__overdue' : undefined}
            >
              <th scope="row">
                {action.activity || t('mission.actions.untitled')}
                {action.torProduct && (
                  <span class="report-table__note">
                    {t('actionItem.torProduct')}: {action.torProduct}
                  </span>
                )}
              </th>
              <td>{code('actionStatus', action.status)}</td>
              <td>{action.responsible}</td>
              <td>
                {action.dueDate && date(action.dueDate)}
                {/* In words, not by colour alone: a printed page may be black and white. */}
                {overdue && <strong class="report-table__flag">{t('mission.overdue')}</strong>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ReportSection>
  );
}

export function NotesSection({ data }: SectionProps) {
  const r = useMessages(reportScreen);
  const { t, dateTime } = useI18n();
  if (!data.includeNotes) return null;
  const notes = notesInOrder(data.snapshot.notes).filter((note) => note.text.trim() !== '');
  if (notes.length === 0) return null;
  return (
    <ReportSection id="notes" title={r('report.section.notes')}>
      <ul class="report-notes">
        {notes.map((note) => (
          <li key={note.id} class="report-note" data-note-id={note.id}>
            <p class="report-note__when">{dateTime(note.createdAt)}</p>
            {/* Plain text with its line breaks kept: never parsed as HTML. */}
            <p class="pre-wrap">{note.text}</p>
            {note.tags.length > 0 && (
              <p class="list__meta">
                {t('note.tags')}: {note.tags.join(', ')}
              </p>
            )}
          </li>
        ))}
      </ul>
    </ReportSection>
  );
}
