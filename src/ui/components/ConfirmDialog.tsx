// A modal question with a risky answer and a safe one. The safe answer has the focus, and Escape means it too.
import { useId, useLayoutEffect, useRef } from 'preact/hooks';

export interface ConfirmDialogProps {
  title: string;
  body: string;
  /** The risky answer, shown as a danger button. */
  confirm: string;
  /** The safe answer. */
  keep: string;
  onConfirm(): void;
  onKeep(): void;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const title = useId();
  const body = useId();
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      class="discard-dialog"
      aria-labelledby={title}
      aria-describedby={body}
      onCancel={(event) => {
        event.preventDefault();
        props.onKeep();
      }}
    >
      <h2 id={title}>{props.title}</h2>
      <p id={body}>{props.body}</p>
      <div class="discard-dialog__actions">
        <button type="button" class="button button--danger" onClick={props.onConfirm}>
          {props.confirm}
        </button>
        <button type="button" class="button button--primary" autoFocus onClick={props.onKeep}>
          {props.keep}
        </button>
      </div>
    </dialog>
  );
}
