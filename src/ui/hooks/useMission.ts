// Opens one mission's document for as long as the component shows it, and re-renders on every change.
import { useEffect, useState } from 'preact/hooks';
import { asMissionId } from '../../domain/ids.ts';
import { MingaError, toMingaError } from '../../domain/errors.ts';
import { acquireMission, releaseMission, type OpenMission } from '../../storage/docStore.ts';
import type { MissionSnapshot } from '../../storage/missionView.ts';

export interface MissionState {
  mission: OpenMission | null;
  snapshot: MissionSnapshot | null;
  error: MingaError | null;
}

export function useMission(rawId: string): MissionState {
  const [state, setState] = useState<MissionState>({ mission: null, snapshot: null, error: null });

  useEffect(() => {
    const id = asMissionId(rawId);
    if (!id) {
      setState({ mission: null, snapshot: null, error: new MingaError('notFound') });
      return;
    }
    let cancelled = false;
    let unsubscribe = () => {};
    acquireMission(id).then(
      (mission) => {
        if (cancelled) return;
        const publish = () => setState({ mission, snapshot: mission.view.snapshot(), error: null });
        unsubscribe = mission.view.subscribe(publish);
        publish();
      },
      (error: unknown) =>
        !cancelled && setState({ mission: null, snapshot: null, error: toMingaError(error) }),
    );
    return () => {
      cancelled = true;
      unsubscribe();
      releaseMission(id);
    };
  }, [rawId]);

  return state;
}
