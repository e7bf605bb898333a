// The replies to review comments held in an open mission document, re-rendered on every change.
import { useEffect, useState } from 'preact/hooks';
import type { OpenMission } from '../../storage/docStore.ts';
import { RepliesView, type Threads } from '../../storage/replies.ts';

const NONE: Threads = new Map();

export function useThreads(mission: OpenMission | null): Threads {
  const [threads, setThreads] = useState<Threads>(NONE);
  useEffect(() => {
    if (!mission) return;
    const view = new RepliesView(mission.doc);
    const publish = () => setThreads(view.threads());
    const unsubscribe = view.subscribe(publish);
    publish();
    return () => {
      unsubscribe();
      view.destroy();
    };
  }, [mission]);
  return threads;
}
