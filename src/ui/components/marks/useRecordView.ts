// What every read view of a saved record needs: its field marks, the last failure, and Restore from the trash.
import { useState } from 'preact/hooks';
import { toMingaError, type MingaError } from '../../../domain/errors.ts';
import type { FieldMarks } from '../../../domain/marks.ts';
import type { RecordKind } from '../../../domain/ids.ts';
import { restoreRecord } from '../../../storage/commands.ts';
import type { OpenMission } from '../../../storage/docStore.ts';
import { useProfile } from '../../appContext.ts';
import { useMarks } from './useMarks.ts';

export function useRecordView(
  kind: RecordKind,
  record: { id: string; marks: FieldMarks | null },
  mission: OpenMission,
  readOnly: boolean,
) {
  const profile = useProfile();
  const [failure, setFailure] = useState<MingaError | null>(null);
  const marks = useMarks({
    kind,
    id: record.id,
    marks: record.marks,
    mission,
    readOnly,
    onError: setFailure,
  });
  const restore = () => {
    try {
      restoreRecord(mission, kind, record.id, profile);
      setFailure(null);
    } catch (error) {
      setFailure(toMingaError(error));
    }
  };
  return { marks, failure, setFailure, restore };
}
