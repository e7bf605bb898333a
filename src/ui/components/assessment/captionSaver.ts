// Saving one photo caption of a saved assessment, at once and apart from any form: a caption is its own field,
// merged per photo (docs/merge.md M6), so the read view and the edit form write it the same way.
import { toMingaError, type MingaError } from '../../../domain/errors.ts';
import type { Sha256 } from '../../../domain/ids.ts';
import type { DeviceProfile } from '../../../domain/model.ts';
import { captionSave } from '../../../domain/photoCaptions.ts';
import { updateRecord } from '../../../storage/commands.ts';
import type { OpenMission } from '../../../storage/docStore.ts';

export function assessmentCaptionSaver(
  open: OpenMission,
  assessmentId: string,
  profile: DeviceProfile,
  onFailure: (failure: MingaError | null) => void,
): (photo: Sha256, text: string, startedFrom: string) => void {
  return (photo, text, startedFrom) => {
    try {
      const stored = open.view.snapshot().assessments.find((a) => a.id === assessmentId)?.captions ?? [];
      const caption = captionSave(stored, photo, text, startedFrom);
      if (caption)
        updateRecord(open, 'assessment', assessmentId, { captions: caption.captions }, profile, {
          captions: caption.base,
        });
      onFailure(null);
    } catch (error) {
      onFailure(toMingaError(error));
    }
  };
}
