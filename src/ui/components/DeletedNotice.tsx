// The banner on a record that is in the trash, with its Restore button (none when the record is read-only).
import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n/context.tsx';

export function DeletedNotice(props: {
  message: string;
  readOnly: boolean;
  onRestore: () => void;
  children?: ComponentChildren;
}) {
  const { t } = useI18n();
  return (
    <div class="banner banner--warn" role="status">
      <p>{props.message}</p>
      {props.children}
      {!props.readOnly && (
        <button type="button" class="button" onClick={props.onRestore}>
          {t('action.restore')}
        </button>
      )}
    </div>
  );
}
