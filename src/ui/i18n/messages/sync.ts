// Sync strings the whole app needs: the status words of the status bar chip and the mission header.
import { defineMessages } from '../define.ts';

export const sync = defineMessages(
  {
    'sync.state.offline': 'Offline',
    'sync.state.connecting': 'Connecting…',
    'sync.state.syncing': 'Syncing…',
    'sync.state.syncingCount': 'Syncing ({count})',
    'sync.state.upToDate': 'Up to date',
    'sync.state.upToDateAt': 'Up to date (at {time})',
    'sync.state.pendingOne': '1 change not yet on the server',
    'sync.state.pendingMany': '{count} changes not yet on the server',
    'sync.state.refused': 'Access refused',
    'sync.refused.unauthorized':
      'The server refused this device’s sign-in (the invitation may have been revoked). Your data stays on this device.',
    'sync.refused.forbidden':
      'The server refused this device access to this mission. Your data stays on this device.',
    'sync.state.tooLarge': 'Too large for the server',
    'sync.state.quota': 'Waiting: daily limit of new missions',
    'sync.refused.quota':
      'The server did not accept this new mission today: this account has created as many new missions as the server allows in a day. Nothing is lost: the mission stays on this device and is sent again later. Ask your coordinator if it is urgent.',
    'sync.refused.tooLarge':
      'The server did not accept this mission’s latest changes: the mission would exceed the size the server allows. Nothing is lost: the changes stay on this device. Ask your coordinator to raise the limit.',
    'sync.missionLabel': 'Sync: {status}',
  },
  {
    'sync.state.offline': 'Sin conexión',
    'sync.state.connecting': 'Conectando…',
    'sync.state.syncing': 'Sincronizando…',
    'sync.state.syncingCount': 'Sincronizando ({count})',
    'sync.state.upToDate': 'Al día',
    'sync.state.upToDateAt': 'Al día (a las {time})',
    'sync.state.pendingOne': '1 cambio aún no está en el servidor',
    'sync.state.pendingMany': '{count} cambios aún no están en el servidor',
    'sync.state.refused': 'Acceso denegado',
    'sync.refused.unauthorized':
      'El servidor rechazó la sesión de este dispositivo (quizá se revocó la invitación). Tus datos se quedan en este dispositivo.',
    'sync.refused.forbidden':
      'El servidor denegó a este dispositivo el acceso a esta misión. Tus datos se quedan en este dispositivo.',
    'sync.state.tooLarge': 'Demasiado grande para el servidor',
    'sync.state.quota': 'En espera: límite diario de misiones nuevas',
    'sync.refused.quota':
      'El servidor no aceptó hoy esta misión nueva: esta cuenta ha creado tantas misiones nuevas como el servidor admite en un día. No se pierde nada: la misión se queda en este dispositivo y se vuelve a enviar más tarde. Avisa a la coordinación si es urgente.',
    'sync.refused.tooLarge':
      'El servidor no aceptó los últimos cambios de esta misión: superaría el tamaño que el servidor admite. No se pierde nada: los cambios se quedan en este dispositivo. Pide a la coordinación que amplíe el límite.',
    'sync.missionLabel': 'Sincronización: {status}',
  },
  {
    'sync.state.offline': 'Sense connexió',
    'sync.state.connecting': 'Connectant…',
    'sync.state.syncing': 'Sincronitzant…',
    'sync.state.syncingCount': 'Sincronitzant ({count})',
    'sync.state.upToDate': 'Al dia',
    'sync.state.upToDateAt': 'Al dia (a les {time})',
    'sync.state.pendingOne': '1 canvi encara no és al servidor',
    'sync.state.pendingMany': '{count} canvis encara no són al servidor',
    'sync.state.refused': 'Accés denegat',
    'sync.refused.unauthorized':
      'El servidor ha rebutjat la sessió d’aquest dispositiu (potser s’ha revocat la invitació). Les teves dades es queden en aquest dispositiu.',
    'sync.refused.forbidden':
      'El servidor ha denegat a aquest dispositiu l’accés a aquesta missió. Les teves dades es queden en aquest dispositiu.',
    'sync.state.tooLarge': 'Massa gran per al servidor',
    'sync.state.quota': 'En espera: límit diari de missions noves',
    'sync.refused.quota':
      'El servidor no ha acceptat avui aquesta missió nova: aquest compte ha creat tantes missions noves com el servidor admet en un dia. No es perd res: la missió es queda en aquest dispositiu i es torna a enviar més tard. Avisa la coordinació si és urgent.',
    'sync.refused.tooLarge':
      'El servidor no ha acceptat els darrers canvis d’aquesta missió: superaria la mida que el servidor admet. No es perd res: els canvis es queden en aquest dispositiu. Demana a la coordinació que n’ampliï el límit.',
    'sync.missionLabel': 'Sincronització: {status}',
  },
  {
    'sync.state.offline': 'Sem rede',
    'sync.state.connecting': 'A ligar…',
    'sync.state.syncing': 'A sincronizar…',
    'sync.state.syncingCount': 'A sincronizar ({count})',
    'sync.state.upToDate': 'Atualizado',
    'sync.state.upToDateAt': 'Atualizado (às {time})',
    'sync.state.pendingOne': '1 alteração ainda não está no servidor',
    'sync.state.pendingMany': '{count} alterações ainda não estão no servidor',
    'sync.state.refused': 'Acesso recusado',
    'sync.refused.unauthorized':
      'O servidor recusou a sessão deste dispositivo (o convite pode ter sido revogado). Os seus dados ficam neste dispositivo.',
    'sync.refused.forbidden':
      'O servidor recusou a este dispositivo o acesso a esta missão. Os seus dados ficam neste dispositivo.',
    'sync.state.tooLarge': 'Demasiado grande para o servidor',
    'sync.state.quota': 'Em espera: limite diário de missões novas',
    'sync.refused.quota':
      'O servidor não aceitou hoje esta missão nova: esta conta já criou tantas missões novas quantas o servidor admite num dia. Nada se perde: a missão fica neste dispositivo e é enviada novamente mais tarde. Avise a coordenação se for urgente.',
    'sync.refused.tooLarge':
      'O servidor não aceitou as últimas alterações desta missão: a missão ultrapassaria o tamanho que o servidor admite. Nada se perde: as alterações ficam neste dispositivo. Peça à coordenação que aumente o limite.',
    'sync.missionLabel': 'Sincronização: {status}',
  },
);
