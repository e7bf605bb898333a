// The marks of one record for the fields of its form or screen, with the command that settles them.
import { useMemo } from 'preact/hooks';
import { toMingaError, type MingaError } from '../../../domain/errors.ts';
import { NO_MARKS, type FieldMarks } from '../../../domain/model.ts';
import { settleConflict } from '../../../storage/commands.ts';
import type { OpenMission } from '../../../storage/docStore.ts';
import { useProfile } from '../../appContext.ts';
import { useI18n } from '../../i18n/context.tsx';
import type { ColleagueChange, MarksState } from './FieldNotes.tsx';
import { valueFormatter } from './format.ts';
import { acceptable, clearingOf, type MarkedKind } from './paths.ts';

const NONE: Readonly<Record<string, ColleagueChange>> = Object.freeze({});

export function useMarks(options: {
  kind: MarkedKind;
  /** The record's id (the mission's for kind "mission"); null for a record not created yet. */
  id: string | null;
  marks: FieldMarks | null;
  mission: OpenMission;
  readOnly: boolean;
  colleague?: Readonly<Record<string, ColleagueChange>>;
  /** Told when settling failed (a newer app's record, full storage), and with null when it worked. */
  onError: (error: MingaError | null) => void;
}): MarksState {
  const i18n = useI18n();
  const profile = useProfile();
  const { kind, id, mission, readOnly, onError } = options;
  const format = useMemo(() => valueFormatter(kind, i18n), [kind, i18n]);
  const settle =
    readOnly || id === null
      ? null
      : (path: string, value: unknown) => {
          try {
            settleConflict(mission, kind, id, path, value, profile);
            onError(null);
          } catch (error) {
            onError(toMingaError(error));
          }
        };
  return {
    marks: options.marks ?? NO_MARKS,
    colleague: options.colleague ?? NONE,
    format,
    settle,
    acceptable: (path, value) => acceptable(kind, path, value),
    clearing: (path) => clearingOf(kind, path),
  };
}
