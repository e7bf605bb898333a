// The parts of a record's read view: labelled values, each followed by the marks of its field.
import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n/context.tsx';
import { FieldNotes } from './marks/FieldNotes.tsx';

/** One labelled value; an empty value reads "Not recorded" rather than leaving a blank. */
export function ViewRow(props: {
  label: string;
  /** The field's path in its record, for its marks; several paths for a field shown as a whole. */
  paths?: readonly string[];
  prefix?: string;
  children?: ComponentChildren;
}) {
  const { t } = useI18n();
  const { children } = props;
  const empty = children === undefined || children === null || children === '' || children === false;
  return (
    <div class="record-view__row">
      <dt>{props.label}</dt>
      <dd>
        {empty ? <span class="record-view__empty">{t('record.notRecorded')}</span> : props.children}
        {(props.paths || props.prefix) && <FieldNotes paths={props.paths ?? []} prefix={props.prefix} />}
      </dd>
    </div>
  );
}

/** Long free text keeps its line breaks; blank text is no value. */
export function viewText(text: string) {
  return text.trim() === '' ? null : <span class="record-view__text">{text}</span>;
}
