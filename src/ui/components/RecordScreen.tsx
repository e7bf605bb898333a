// The frame of a saved record's read view: back to its list, what it is, why it cannot be changed or that it is
// in the trash, and Edit in a bar at the bottom, where the thumb is, for those who may change it.
import type { ComponentChildren } from 'preact';
import type { MingaError } from '../../domain/errors.ts';
import type { ReadOnlyReason } from '../hooks/useAccountRole.ts';
import { BackLink } from './BackLink.tsx';
import { DeletedNotice } from './DeletedNotice.tsx';
import { ErrorBanner, ReadOnlyNotice } from './ErrorSummary.tsx';
import { FieldNotes } from './marks/FieldNotes.tsx';

export function RecordScreen(props: {
  class: string;
  back: { href: string; label: string };
  heading: string;
  readOnly: ReadOnlyReason | null;
  failure: MingaError | null;
  /** The trash notice's text when the record is deleted, else null. */
  deleted: string | null;
  onRestore: () => void;
  edit: { href: string; label: string };
  children: ComponentChildren;
}) {
  return (
    <section class={`screen record-screen ${props.class}`}>
      <BackLink href={props.back.href}>{props.back.label}</BackLink>
      <h1>{props.heading}</h1>
      {props.readOnly && <ReadOnlyNotice reason={props.readOnly} />}
      <ErrorBanner error={props.failure} />
      {props.deleted !== null && (
        <DeletedNotice
          message={props.deleted}
          readOnly={props.readOnly !== null}
          onRestore={props.onRestore}
        />
      )}
      <FieldNotes paths={['deletedAt']} />
      {props.children}
      {!props.readOnly && (
        <div class="form-actions record-screen__bar">
          <a class="button button--primary" href={props.edit.href}>
            {props.edit.label}
          </a>
        </div>
      )}
    </section>
  );
}
