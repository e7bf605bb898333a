// Strings of the server's photo quotas, shown in Settings → Sync (which loads on demand); see useMessages.ts.
import { defineMessages } from '../define.ts';

/** Not a part of catalog.ts: only the sync settings panel shows them. */
export const quotaMessages = defineMessages(
  {
    'quota.photos.quota_mission_bytes':
      'Some photos are waiting: a mission has reached the amount of photos the server accepts for one mission. Nothing is lost: they stay on this device. Ask your coordinator to raise the limit.',
    'quota.photos.quota_token_bytes':
      'Some photos are waiting: this account has sent as many photos today as the server accepts in a day. Nothing is lost: they stay on this device and are sent later.',
  },
  {
    'quota.photos.quota_mission_bytes':
      'Algunas fotos están en espera: una misión ha llegado a la cantidad de fotos que el servidor acepta por misión. No se pierde nada: se quedan en este dispositivo. Pide a la coordinación que amplíe el límite.',
    'quota.photos.quota_token_bytes':
      'Algunas fotos están en espera: esta cuenta ha enviado hoy tantas fotos como el servidor acepta en un día. No se pierde nada: se quedan en este dispositivo y se envían más tarde.',
  },
  {
    'quota.photos.quota_mission_bytes':
      'Algunes fotos estan en espera: una missió ha arribat a la quantitat de fotos que el servidor accepta per missió. No es perd res: es queden en aquest dispositiu. Demana a la coordinació que n’ampliï el límit.',
    'quota.photos.quota_token_bytes':
      'Algunes fotos estan en espera: aquest compte ha enviat avui tantes fotos com el servidor accepta en un dia. No es perd res: es queden en aquest dispositiu i s’envien més tard.',
  },
  {
    'quota.photos.quota_mission_bytes':
      'Algumas fotografias estão em espera: uma missão atingiu a quantidade de fotografias que o servidor aceita por missão. Nada se perde: ficam neste dispositivo. Peça à coordenação que aumente o limite.',
    'quota.photos.quota_token_bytes':
      'Algumas fotografias estão em espera: esta conta já enviou hoje tantas fotografias quantas o servidor aceita num dia. Nada se perde: ficam neste dispositivo e são enviadas mais tarde.',
  },
);
