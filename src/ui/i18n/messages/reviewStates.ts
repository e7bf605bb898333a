// The review state the mission list shows, on the first screen.
import { defineMessages } from '../define.ts';

export const reviewStates = defineMessages(
  {
    'missions.review.changesRequested': 'Changes requested',
    'missions.review.changesRequestedCount': 'Changes requested on missions: {count}',
  },
  {
    'missions.review.changesRequested': 'Se piden cambios',
    'missions.review.changesRequestedCount': 'Misiones con cambios pedidos: {count}',
  },
  {
    'missions.review.changesRequested': 'Es demanen canvis',
    'missions.review.changesRequestedCount': 'Missions amb canvis demanats: {count}',
  },
  {
    'missions.review.changesRequested': 'Alterações pedidas',
    'missions.review.changesRequestedCount': 'Missões com alterações pedidas: {count}',
  },
);
