// The link from a mission to its printable report (the report's own strings load with it: reportScreen.ts).
import { defineMessages } from '../define.ts';

export const report = defineMessages(
  { 'mission.report': 'Report' },
  { 'mission.report': 'Informe' },
  { 'mission.report': 'Informe' },
  { 'mission.report': 'Relatório' },
);
