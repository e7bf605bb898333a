// Whether this device can work offline: the app itself, and every mission it holds.
import { defineMessages } from '../define.ts';

export const offlineReadiness = defineMessages(
  {
    'offline.notYet': 'Not ready to work offline yet. Missions still downloading: {count}',
    'offline.notYetList': 'Missions not yet on this device',
  },
  {
    'offline.notYet': 'Aún no está lista para trabajar sin conexión. Misiones por descargar: {count}',
    'offline.notYetList': 'Misiones que aún no están en este dispositivo',
  },
  {
    'offline.notYet': 'Encara no està a punt per treballar sense connexió. Missions per baixar: {count}',
    'offline.notYetList': 'Missions que encara no són en aquest dispositiu',
  },
  {
    'offline.notYet': 'Ainda não está pronta para trabalhar sem rede. Missões por transferir: {count}',
    'offline.notYetList': 'Missões que ainda não estão neste dispositivo',
  },
);
