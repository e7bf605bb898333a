// The sync chip during a first sync or a catch-up: how many of the documents on this device are in step.
import { defineMessages } from '../define.ts';

export const syncProgress = defineMessages(
  {
    'sync.state.syncingProgress': 'Syncing {inStep} of {held}',
  },
  {
    'sync.state.syncingProgress': 'Sincronizando {inStep} de {held}',
  },
  {
    'sync.state.syncingProgress': 'Sincronitzant {inStep} de {held}',
  },
  {
    'sync.state.syncingProgress': 'A sincronizar {inStep} de {held}',
  },
);
