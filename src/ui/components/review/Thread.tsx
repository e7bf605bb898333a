// One review comment's thread: the replies oldest first, whether the requested change is done, and for members
// who may edit the mission a reply box and, while changes are requested, the "Mark as done" toggle. The author of
// a reply may delete it after a confirmation; a deleted reply stays in the thread as "Reply deleted".
import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { toMingaError, type MingaError } from '../../../domain/errors.ts';
import {
  MAX_REPLY_TEXT,
  doneState,
  mayDeleteReply,
  validateReply,
  type ReplyId,
  type ReviewReply,
} from '../../../domain/replies.ts';
import type { CommentId } from '../../../domain/review.ts';
import type { ValidationCode } from '../../../domain/validation.ts';
import type { OpenMission } from '../../../storage/docStore.ts';
import { addReply, deleteReply } from '../../../storage/replies.ts';
import { useProfile } from '../../appContext.ts';
import { useI18n } from '../../i18n/context.tsx';
import { threadMessages } from '../../i18n/messages/threads.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { ErrorBanner } from '../ErrorSummary.tsx';
import { TextArea } from '../fields.tsx';
import { formatWhen } from './when.ts';

export interface ThreadProps {
  commentId: CommentId;
  replies: readonly ReviewReply[];
  /** Null: this reader may not write the mission (an observer), so no reply box and no toggle. */
  mission: OpenMission | null;
  /** The toggle is offered only while the review asks for changes. */
  changesRequested: boolean;
}

function ReplyItem({ reply, onDelete }: { reply: ReviewReply; onDelete: (() => void) | null }) {
  const t = useMessages(threadMessages);
  const i18n = useI18n();
  const time = formatWhen(reply.at, i18n);
  if (reply.deletedAt !== null)
    return (
      <li class="review-reply review-reply--deleted" data-reply-id={reply.id} data-deleted="true">
        <p class="list__meta">
          {t('thread.reply.deleted')} · {t('thread.byline', { name: reply.by, time })}
        </p>
      </li>
    );
  if (reply.text === '')
    return (
      <li class="review-reply review-reply--event" data-reply-id={reply.id}>
        <p class="list__meta">
          {t(reply.done ? 'thread.event.done' : 'thread.event.notDone', { name: reply.by, time })}
        </p>
      </li>
    );
  return (
    <li class="review-reply" data-reply-id={reply.id}>
      {/* Plain text with its line breaks kept: never parsed as HTML. */}
      <p class="pre-wrap">{reply.text}</p>
      <p class="list__meta">{t('thread.byline', { name: reply.by, time })}</p>
      {onDelete && (
        <button type="button" class="button review-reply__delete" onClick={onDelete}>
          {t('thread.reply.delete')}
        </button>
      )}
    </li>
  );
}

export function Thread(props: ThreadProps) {
  const t = useMessages(threadMessages);
  const i18n = useI18n();
  const profile = useProfile();
  const [text, setText] = useState('');
  const [error, setError] = useState<ValidationCode | undefined>(undefined);
  const [failure, setFailure] = useState<MingaError | null>(null);
  const [saved, setSaved] = useState(false);
  const [deleting, setDeleting] = useState<ReplyId | null>(null);
  const done = doneState(props.replies);
  const { mission } = props;

  const remove = (id: ReplyId) => {
    setDeleting(null);
    if (!mission) return;
    try {
      deleteReply(mission, id, profile);
      setFailure(null);
    } catch (caught) {
      setFailure(toMingaError(caught));
    }
  };

  const write = (input: { text: string; done: boolean }, markOnly: boolean) => {
    if (!mission) return false;
    try {
      addReply(mission, { commentId: props.commentId, ...input }, profile, { markOnly });
      setFailure(null);
      return true;
    } catch (caught) {
      setFailure(toMingaError(caught));
      return false;
    }
  };

  const submit = (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const invalid = validateReply(text).text;
    setError(invalid);
    setSaved(false);
    // The text stays on screen: nothing typed is lost to a refusal.
    if (invalid) return;
    if (write({ text, done: done !== null }, false)) {
      setText('');
      setSaved(true);
    }
  };

  return (
    <div class="review-thread">
      {done && (
        <p class="review-thread__done" data-done="true">
          {t('thread.doneBy', { name: done.by, time: formatWhen(done.at, i18n) })}
        </p>
      )}
      {props.replies.length > 0 && (
        <ol class="review-replies" aria-label={t('thread.replies')}>
          {props.replies.map((reply) => (
            <ReplyItem
              key={reply.id}
              reply={reply}
              onDelete={mission && mayDeleteReply(reply, profile.name) ? () => setDeleting(reply.id) : null}
            />
          ))}
        </ol>
      )}
      <ErrorBanner error={failure} />
      {deleting && (
        <ConfirmDialog
          title={t('thread.reply.deleteTitle')}
          body={t('thread.reply.deleteBody')}
          confirm={t('thread.reply.delete')}
          keep={t('thread.reply.keep')}
          onConfirm={() => remove(deleting)}
          onKeep={() => setDeleting(null)}
        />
      )}
      {mission && props.changesRequested && (
        <button
          type="button"
          class="button review-thread__toggle"
          aria-pressed={done !== null}
          onClick={() => write({ text: '', done: done === null }, true)}
        >
          {t('thread.markDone')}
        </button>
      )}
      {mission && (
        <form class="review-reply-form" onSubmit={submit}>
          <TextArea
            label={t('thread.reply.label')}
            hint={t('thread.reply.hint', { max: MAX_REPLY_TEXT })}
            value={text}
            rows={2}
            error={error}
            onInput={(value) => {
              setText(value);
              setSaved(false);
            }}
          />
          <div class="form-actions">
            <button type="submit" class="button button--primary">
              {t('thread.reply.submit')}
            </button>
          </div>
          <p class="list__meta" role="status">
            {saved ? t('thread.reply.saved') : ''}
          </p>
        </form>
      )}
    </div>
  );
}
