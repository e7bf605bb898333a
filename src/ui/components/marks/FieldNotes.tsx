// Beside a field: the values two devices wrote at once, each with "Keep this one" (docs/merge.md M2); a value
// received that the field cannot hold, with "Clear" (M10); and a colleague's change that arrived while the user
// was changing the same field in an open form. Values are always rendered as text.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ConflictValue, FieldMarks } from '../../../domain/model.ts';
import { useI18n } from '../../i18n/context.tsx';
import { rawText } from './format.ts';

/** A colleague's change to a field the user has changed too in the open form. */
export interface ColleagueChange {
  /** `value`: their value; `text`: a long text, merged with the user's on save; `removed`: a member they removed. */
  kind: 'value' | 'text' | 'removed';
  value: unknown;
}

export interface MarksState {
  marks: FieldMarks;
  colleague: Readonly<Record<string, ColleagueChange>>;
  format: (path: string, value: unknown) => string;
  /** Keeps one value of a field, replacing every other; null when the record cannot be changed here. */
  settle: ((path: string, value: unknown) => void) | null;
  /** Whether a value is one the field accepts, so that keeping it settles the field usably. */
  acceptable: (path: string, value: unknown) => boolean;
  /** What "Clear" writes for an invalid value at `path`; null when only saving the form replaces it. */
  clearing: (path: string) => { path: string; value: unknown } | null;
}

export const MarksContext = createContext<MarksState | null>(null);

/** The paths among `paths` (or starting with `prefix`) that have something to show. */
function notedPaths(state: MarksState | null, paths: readonly string[], prefix?: string): string[] {
  if (!state) return [];
  const all = new Set<string>();
  const add = (path: string) => {
    if (paths.includes(path) || (prefix !== undefined && path.startsWith(prefix))) all.add(path);
  };
  Object.keys(state.marks.conflicts).forEach(add);
  Object.keys(state.marks.invalid).forEach(add);
  Object.keys(state.colleague).forEach(add);
  return [...all].sort();
}

/** Whether a field has marks to show, so its input can be described by them. */
export function useHasNotes(path: string | undefined): boolean {
  const state = useContext(MarksContext);
  return path !== undefined && notedPaths(state, [path]).length > 0;
}

export function FieldNotes(props: { paths?: readonly string[]; prefix?: string; id?: string }) {
  const state = useContext(MarksContext);
  const paths = notedPaths(state, props.paths ?? [], props.prefix);
  if (!state || paths.length === 0) return null;
  return (
    <div class="field-marks" id={props.id}>
      {paths.map((path) => (
        <PathNotes key={path} state={state} path={path} />
      ))}
    </div>
  );
}

function PathNotes({ state, path }: { state: MarksState; path: string }) {
  const { t } = useI18n();
  const conflict = state.marks.conflicts[path];
  const invalid = path in state.marks.invalid;
  const colleague = state.colleague[path];
  const clearing = invalid && state.settle ? state.clearing(path) : null;
  return (
    <>
      {conflict && conflict.length > 1 && <ConflictNote state={state} path={path} values={conflict} />}
      {invalid && (
        <div class="field-mark field-mark--invalid">
          <p>{t('marks.invalid', { value: rawText(state.marks.invalid[path]) })}</p>
          {clearing && (
            <button
              type="button"
              class="button"
              onClick={() => state.settle?.(clearing.path, clearing.value)}
            >
              {t('action.clear')}
            </button>
          )}
        </div>
      )}
      {colleague && (
        <p class="field-mark field-mark--colleague" role="status">
          {colleague.kind === 'text'
            ? t('marks.colleagueText')
            : colleague.kind === 'removed'
              ? t('marks.colleagueRemoved')
              : t('marks.colleague', { value: state.format(path, colleague.value) })}
        </p>
      )}
    </>
  );
}

function ConflictNote(props: { state: MarksState; path: string; values: readonly ConflictValue[] }) {
  const { t, dateTime } = useI18n();
  const { state, path } = props;
  return (
    <div class="field-mark field-mark--conflict">
      <p class="field-mark__title">{t('marks.conflict')}</p>
      <ul class="field-mark__values">
        {props.values.map((entry, index) => {
          const shown = state.format(path, entry.value);
          return (
            // The values are distinct and in a fixed order on every device: the position identifies each.
            <li key={index}>
              <span>
                {t('marks.conflictValue', {
                  value: shown,
                  who: entry.by || t('marks.someone'),
                  when: entry.at ? dateTime(entry.at) : t('marks.unknownTime'),
                })}
              </span>
              {state.settle && state.acceptable(path, entry.value) && (
                <button type="button" class="button" onClick={() => state.settle?.(path, entry.value)}>
                  {t('marks.keep')}
                  <span class="sr-only"> ({shown})</span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** A short marker for a record in a list: said in words, not by colour alone. */
export function RecordFlags({ marks }: { marks: FieldMarks }) {
  const { t } = useI18n();
  const conflicts = Object.keys(marks.conflicts).length > 0;
  const invalid = Object.keys(marks.invalid).length > 0;
  return (
    <>
      {conflicts && <strong class="record-flag">{t('marks.listConflict')}</strong>}
      {invalid && <strong class="record-flag">{t('marks.listInvalid')}</strong>}
    </>
  );
}
