// The way into a mission's history from its overview (coordinators only).
import { defineMessages } from '../define.ts';

export const history = defineMessages(
  { 'mission.history': 'Version history' },
  { 'mission.history': 'Historial de versiones' },
  { 'mission.history': 'Historial de versions' },
  { 'mission.history': 'Histórico de versões' },
);
