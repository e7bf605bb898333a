// Sync strings of the screens that load on demand (settings panel, join screen, invite form); see useMessages.ts.
import { defineMessages } from '../define.ts';

/** Not a part of catalog.ts: these would add ~2 kB gzip to the first screen, which never shows them. */
export const syncScreens = defineMessages(
  {
    'sync.title': 'Sync',
    'sync.notSignedIn':
      'This device is not signed in to a sync server. Open the invite link or scan the QR code your coordinator gives you.',
    'sync.server': 'Server',
    'sync.account': 'Signed in as',
    'sync.accountValue': '{name} ({role})',
    'sync.role.coordinator': 'Coordinator',
    'sync.role.technician': 'Technician',
    'sync.role.observer': 'Observer',
    'sync.status': 'Status',
    'sync.lastSynced': 'Last confirmed sync',
    'sync.neverSynced': 'Not yet',
    'sync.signOut': 'Sign out',
    'sync.signOutIntro':
      'On a shared phone, remove Minga’s data as you sign out: the next person starts as on a new phone. It is removed only once everything recorded here has reached the server or is in a backup.',
    'sync.signOutKeep': 'Sign out, keep the data on this phone',
    'sync.signOutRemove': 'Sign out and remove Minga’s data from this phone',
    'sync.signingOut': 'Signing out…',
    'sync.checking': 'Checking what has reached the server…',
    'sync.removing': 'Removing Minga’s data…',
    'sync.signedOut': 'This device is signed out. Everything recorded stays on it.',
    'sync.signOutFailed': 'Could not sign out. Try again.',
    'sync.remove.refused':
      'Minga’s data cannot be removed from this phone yet: work that has not reached the server would be lost.',
    'sync.pendingOne': '1 change has not reached the server yet.',
    'sync.pendingMany': '{count} changes have not reached the server yet.',
    'sync.remove.backedUpOne': '1 change has not reached the server yet; it is in the backup you exported.',
    'sync.remove.backedUpMany':
      '{count} changes have not reached the server yet; they are in the backup you exported.',
    'sync.remove.photosOne':
      '1 photo has not been uploaded to the server yet, nor is it in a checked backup. Connect to a network and wait until it is uploaded, or back up everything.',
    'sync.remove.photosMany':
      '{count} photos have not been uploaded to the server yet, nor are they in a checked backup. Connect to a network and wait until they are uploaded, or back up everything.',
    'sync.remove.exportAdvice':
      'Back up everything to keep this work: once the saved file is checked, the data can be removed.',
    'sync.removeAnyway': 'Remove anyway',
    'sync.remove.confirm':
      'Remove every mission, photo and setting of Minga from this phone? This cannot be undone. Close Minga in any other tab or window first.',
    'sync.remove.confirmBackedUp':
      'Remove every mission, photo and setting of Minga from this phone? Changes that have not reached the server will remain only in the backup you exported. Close Minga in any other tab or window first.',
    'sync.remove.blocked':
      'Some of Minga’s data is still on this phone because Minga is in use in another tab or window. Close it, then try again.',
    'sync.remove.incomplete': 'Not all of Minga’s data could be removed from this phone. Try again.',
    'sync.remove.retry': 'Try again',
    'join.title': 'Sign in to sync',
    'join.noToken': 'This link holds no invitation. Ask your coordinator for a new invite link or QR code.',
    'join.connected': 'Signed in as {name} ({role}). Missions sync whenever there is a network.',
    'join.refused':
      'Access refused: this invitation is not valid or has been revoked. Nothing on this device was changed. Ask your coordinator for a new one.',
    'join.failed': 'The sign-in could not be saved on this device. Try opening the link again.',
    'join.toMissions': 'Go to the missions',
    'join.toSetup': 'Continue: tell us who you are',
    'invite.title': 'Invite a device',
    'invite.intro':
      'Creates a sign-in for another phone. Anyone holding the link or QR code can sign in with it: share it only with that person.',
    'invite.open': 'Invite a device…',
    'invite.role': 'Role',
    'invite.name': 'Person or device name',
    'invite.missions': 'Missions they may open',
    'invite.noMissions': 'There are no missions on this device.',
    'invite.create': 'Create invitation',
    'invite.creating': 'Creating…',
    'invite.link': 'Invite link',
    'invite.copy': 'Copy link',
    'invite.copied': 'Link copied.',
    'invite.copyFailed': 'Could not copy: select the link and copy it by hand.',
    'invite.qr': 'QR code of the invite link',
    'invite.scan': 'Scan it with the other phone’s camera, or send the link through a private channel.',
    'invite.another': 'Invite another device',
    'invite.failed.forbidden': 'Only a coordinator can invite devices.',
    'invite.failed.unreachable': 'The server cannot be reached. Invite when there is a network.',
    'invite.failed.other': 'The server refused the invitation. Check the fields and try again.',
  },
  {
    'sync.title': 'Sincronización',
    'sync.notSignedIn':
      'Este dispositivo no ha iniciado sesión en un servidor de sincronización. Abre el enlace de invitación o escanea el código QR que te dé la coordinación.',
    'sync.server': 'Servidor',
    'sync.account': 'Sesión iniciada como',
    'sync.accountValue': '{name} ({role})',
    'sync.role.coordinator': 'Coordinación',
    'sync.role.technician': 'Técnico/a',
    'sync.role.observer': 'Observador/a',
    'sync.status': 'Estado',
    'sync.lastSynced': 'Última sincronización confirmada',
    'sync.neverSynced': 'Todavía no',
    'sync.signOut': 'Cerrar sesión',
    'sync.signOutIntro':
      'En un teléfono compartido, borra los datos de Minga al cerrar la sesión: la siguiente persona empezará como en un teléfono nuevo. Solo se borran cuando todo lo registrado aquí ha llegado al servidor o está en una copia de seguridad.',
    'sync.signOutKeep': 'Cerrar sesión y conservar los datos en este teléfono',
    'sync.signOutRemove': 'Cerrar sesión y borrar los datos de Minga de este teléfono',
    'sync.signingOut': 'Cerrando sesión…',
    'sync.checking': 'Comprobando qué ha llegado al servidor…',
    'sync.removing': 'Borrando los datos de Minga…',
    'sync.signedOut': 'Este dispositivo ha cerrado la sesión. Todo lo registrado se queda en él.',
    'sync.signOutFailed': 'No se pudo cerrar la sesión. Inténtalo de nuevo.',
    'sync.remove.refused':
      'Aún no se pueden borrar los datos de Minga de este teléfono: se perdería trabajo que no ha llegado al servidor.',
    'sync.pendingOne': '1 cambio aún no ha llegado al servidor.',
    'sync.pendingMany': '{count} cambios aún no han llegado al servidor.',
    'sync.remove.backedUpOne':
      '1 cambio aún no ha llegado al servidor; está en la copia de seguridad que has exportado.',
    'sync.remove.backedUpMany':
      '{count} cambios aún no han llegado al servidor; están en la copia de seguridad que has exportado.',
    'sync.remove.photosOne':
      '1 foto aún no se ha subido al servidor ni está en una copia comprobada. Conéctate a una red y espera a que se suba, o haz una copia de todo.',
    'sync.remove.photosMany':
      '{count} fotos aún no se han subido al servidor ni están en una copia comprobada. Conéctate a una red y espera a que se suban, o haz una copia de todo.',
    'sync.remove.exportAdvice':
      'Haz una copia de todo para conservar este trabajo: una vez comprobado el archivo guardado, se podrán borrar los datos.',
    'sync.removeAnyway': 'Borrar de todos modos',
    'sync.remove.confirm':
      '¿Borrar de este teléfono todas las misiones, fotos y ajustes de Minga? No se puede deshacer. Cierra antes Minga en cualquier otra pestaña o ventana.',
    'sync.remove.confirmBackedUp':
      '¿Borrar de este teléfono todas las misiones, fotos y ajustes de Minga? Los cambios que no han llegado al servidor solo quedarán en la copia de seguridad que has exportado. Cierra antes Minga en cualquier otra pestaña o ventana.',
    'sync.remove.blocked':
      'Algunos datos de Minga siguen en este teléfono porque Minga está en uso en otra pestaña o ventana. Ciérrala y vuelve a intentarlo.',
    'sync.remove.incomplete':
      'No se han podido borrar todos los datos de Minga de este teléfono. Vuelve a intentarlo.',
    'sync.remove.retry': 'Volver a intentarlo',
    'join.title': 'Iniciar sesión para sincronizar',
    'join.noToken':
      'Este enlace no contiene ninguna invitación. Pide a la coordinación un nuevo enlace o código QR.',
    'join.connected':
      'Sesión iniciada como {name} ({role}). Las misiones se sincronizan siempre que haya red.',
    'join.refused':
      'Acceso denegado: esta invitación no es válida o se ha revocado. No se ha cambiado nada en este dispositivo. Pide una nueva a la coordinación.',
    'join.failed': 'No se pudo guardar la sesión en este dispositivo. Vuelve a abrir el enlace.',
    'join.toMissions': 'Ir a las misiones',
    'join.toSetup': 'Continuar: di quién eres',
    'invite.title': 'Invitar un dispositivo',
    'invite.intro':
      'Crea un acceso para otro teléfono. Cualquiera que tenga el enlace o el código QR puede entrar con él: compártelo solo con esa persona.',
    'invite.open': 'Invitar un dispositivo…',
    'invite.role': 'Rol',
    'invite.name': 'Nombre de la persona o del dispositivo',
    'invite.missions': 'Misiones que podrá abrir',
    'invite.noMissions': 'No hay misiones en este dispositivo.',
    'invite.create': 'Crear invitación',
    'invite.creating': 'Creando…',
    'invite.link': 'Enlace de invitación',
    'invite.copy': 'Copiar enlace',
    'invite.copied': 'Enlace copiado.',
    'invite.copyFailed': 'No se pudo copiar: selecciona el enlace y cópialo a mano.',
    'invite.qr': 'Código QR del enlace de invitación',
    'invite.scan': 'Escanéalo con la cámara del otro teléfono, o envía el enlace por un canal privado.',
    'invite.another': 'Invitar otro dispositivo',
    'invite.failed.forbidden': 'Solo la coordinación puede invitar dispositivos.',
    'invite.failed.unreachable': 'No se puede llegar al servidor. Invita cuando haya red.',
    'invite.failed.other': 'El servidor rechazó la invitación. Revisa los campos e inténtalo de nuevo.',
  },
  {
    'sync.title': 'Sincronització',
    'sync.notSignedIn':
      'Aquest dispositiu no ha iniciat sessió en cap servidor de sincronització. Obre l’enllaç d’invitació o escaneja el codi QR que et doni la coordinació.',
    'sync.server': 'Servidor',
    'sync.account': 'Sessió iniciada com a',
    'sync.accountValue': '{name} ({role})',
    'sync.role.coordinator': 'Coordinació',
    'sync.role.technician': 'Tècnic/a',
    'sync.role.observer': 'Observador/a',
    'sync.status': 'Estat',
    'sync.lastSynced': 'Darrera sincronització confirmada',
    'sync.neverSynced': 'Encara no',
    'sync.signOut': 'Tanca la sessió',
    'sync.signOutIntro':
      'En un telèfon compartit, esborra les dades de Minga en tancar la sessió: la persona següent començarà com en un telèfon nou. Només s’esborren quan tot el que s’ha registrat aquí ha arribat al servidor o és en una còpia de seguretat.',
    'sync.signOutKeep': 'Tanca la sessió i conserva les dades en aquest telèfon',
    'sync.signOutRemove': 'Tanca la sessió i esborra les dades de Minga d’aquest telèfon',
    'sync.signingOut': 'Tancant la sessió…',
    'sync.checking': 'Comprovant què ha arribat al servidor…',
    'sync.removing': 'Esborrant les dades de Minga…',
    'sync.signedOut': 'Aquest dispositiu ha tancat la sessió. Tot el que s’ha registrat s’hi queda.',
    'sync.signOutFailed': 'No s’ha pogut tancar la sessió. Torna-ho a provar.',
    'sync.remove.refused':
      'Encara no es poden esborrar les dades de Minga d’aquest telèfon: es perdria feina que no ha arribat al servidor.',
    'sync.pendingOne': '1 canvi encara no ha arribat al servidor.',
    'sync.pendingMany': '{count} canvis encara no han arribat al servidor.',
    'sync.remove.backedUpOne':
      '1 canvi encara no ha arribat al servidor; és a la còpia de seguretat que has exportat.',
    'sync.remove.backedUpMany':
      '{count} canvis encara no han arribat al servidor; són a la còpia de seguretat que has exportat.',
    'sync.remove.photosOne':
      '1 foto encara no s’ha pujat al servidor ni és en una còpia comprovada. Connecta’t a una xarxa i espera que es pugi, o fes una còpia de tot.',
    'sync.remove.photosMany':
      '{count} fotos encara no s’han pujat al servidor ni són en una còpia comprovada. Connecta’t a una xarxa i espera que es pugin, o fes una còpia de tot.',
    'sync.remove.exportAdvice':
      'Fes una còpia de tot per conservar aquesta feina: un cop comprovat el fitxer desat, es podran esborrar les dades.',
    'sync.removeAnyway': 'Esborra-les igualment',
    'sync.remove.confirm':
      'Vols esborrar d’aquest telèfon totes les missions, fotos i la configuració de Minga? No es pot desfer. Abans, tanca Minga en qualsevol altra pestanya o finestra.',
    'sync.remove.confirmBackedUp':
      'Vols esborrar d’aquest telèfon totes les missions, fotos i la configuració de Minga? Els canvis que no han arribat al servidor només quedaran a la còpia de seguretat que has exportat. Abans, tanca Minga en qualsevol altra pestanya o finestra.',
    'sync.remove.blocked':
      'Algunes dades de Minga encara són en aquest telèfon perquè Minga s’està fent servir en una altra pestanya o finestra. Tanca-la i torna-ho a provar.',
    'sync.remove.incomplete':
      'No s’han pogut esborrar totes les dades de Minga d’aquest telèfon. Torna-ho a provar.',
    'sync.remove.retry': 'Torna-ho a provar',
    'join.title': 'Inicia la sessió per sincronitzar',
    'join.noToken':
      'Aquest enllaç no conté cap invitació. Demana a la coordinació un enllaç o un codi QR nous.',
    'join.connected':
      'Sessió iniciada com a {name} ({role}). Les missions se sincronitzen sempre que hi ha xarxa.',
    'join.refused':
      'Accés denegat: aquesta invitació no és vàlida o s’ha revocat. No s’ha canviat res en aquest dispositiu. Demana’n una de nova a la coordinació.',
    'join.failed': 'No s’ha pogut desar la sessió en aquest dispositiu. Torna a obrir l’enllaç.',
    'join.toMissions': 'Ves a les missions',
    'join.toSetup': 'Continua: digues qui ets',
    'invite.title': 'Convida un dispositiu',
    'invite.intro':
      'Crea un accés per a un altre telèfon. Qualsevol persona que tingui l’enllaç o el codi QR pot entrar-hi: comparteix-lo només amb aquesta persona.',
    'invite.open': 'Convida un dispositiu…',
    'invite.role': 'Rol',
    'invite.name': 'Nom de la persona o del dispositiu',
    'invite.missions': 'Missions que podrà obrir',
    'invite.noMissions': 'No hi ha missions en aquest dispositiu.',
    'invite.create': 'Crea la invitació',
    'invite.creating': 'Creant…',
    'invite.link': 'Enllaç d’invitació',
    'invite.copy': 'Copia l’enllaç',
    'invite.copied': 'Enllaç copiat.',
    'invite.copyFailed': 'No s’ha pogut copiar: selecciona l’enllaç i copia’l a mà.',
    'invite.qr': 'Codi QR de l’enllaç d’invitació',
    'invite.scan': 'Escaneja’l amb la càmera de l’altre telèfon, o envia l’enllaç per un canal privat.',
    'invite.another': 'Convida un altre dispositiu',
    'invite.failed.forbidden': 'Només la coordinació pot convidar dispositius.',
    'invite.failed.unreachable': 'No es pot arribar al servidor. Convida quan hi hagi xarxa.',
    'invite.failed.other': 'El servidor ha rebutjat la invitació. Revisa els camps i torna-ho a provar.',
  },
  {
    'sync.title': 'Sincronização',
    'sync.notSignedIn':
      'Este dispositivo não tem sessão iniciada num servidor de sincronização. Abra a ligação de convite ou leia o código QR que a coordenação lhe der.',
    'sync.server': 'Servidor',
    'sync.account': 'Sessão iniciada como',
    'sync.accountValue': '{name} ({role})',
    'sync.role.coordinator': 'Coordenador/a',
    'sync.role.technician': 'Técnico/a',
    'sync.role.observer': 'Observador/a',
    'sync.status': 'Estado',
    'sync.lastSynced': 'Última sincronização confirmada',
    'sync.neverSynced': 'Ainda não',
    'sync.signOut': 'Terminar sessão',
    'sync.signOutIntro':
      'Num telefone partilhado, retire os dados do Minga ao terminar a sessão: a pessoa seguinte começa como num telefone novo. Só são retirados quando tudo o que foi registado aqui tiver chegado ao servidor ou estiver numa cópia de segurança.',
    'sync.signOutKeep': 'Terminar sessão e manter os dados neste telefone',
    'sync.signOutRemove': 'Terminar sessão e retirar os dados do Minga deste telefone',
    'sync.signingOut': 'A terminar a sessão…',
    'sync.checking': 'A verificar o que chegou ao servidor…',
    'sync.removing': 'A retirar os dados do Minga…',
    'sync.signedOut': 'Este dispositivo já não tem sessão iniciada. Tudo o que foi registado continua nele.',
    'sync.signOutFailed': 'Não foi possível terminar a sessão. Tente de novo.',
    'sync.remove.refused':
      'Ainda não é possível retirar os dados do Minga deste telefone: perder-se-ia trabalho que não chegou ao servidor.',
    'sync.pendingOne': '1 alteração ainda não chegou ao servidor.',
    'sync.pendingMany': '{count} alterações ainda não chegaram ao servidor.',
    'sync.remove.backedUpOne':
      '1 alteração ainda não chegou ao servidor; está na cópia de segurança que exportou.',
    'sync.remove.backedUpMany':
      '{count} alterações ainda não chegaram ao servidor; estão na cópia de segurança que exportou.',
    'sync.remove.photosOne':
      '1 fotografia ainda não foi enviada para o servidor nem está numa cópia de segurança verificada. Ligue-se a uma rede e espere até que seja enviada, ou faça uma cópia de segurança de tudo.',
    'sync.remove.photosMany':
      '{count} fotografias ainda não foram enviadas para o servidor nem estão numa cópia de segurança verificada. Ligue-se a uma rede e espere até que sejam enviadas, ou faça uma cópia de segurança de tudo.',
    'sync.remove.exportAdvice':
      'Faça uma cópia de segurança de tudo para manter este trabalho: depois de verificado o ficheiro guardado, os dados podem ser retirados.',
    'sync.removeAnyway': 'Retirar na mesma',
    'sync.remove.confirm':
      'Retirar deste telefone todas as missões, fotografias e definições do Minga? Não é possível anular. Feche primeiro o Minga em qualquer outro separador ou janela.',
    'sync.remove.confirmBackedUp':
      'Retirar deste telefone todas as missões, fotografias e definições do Minga? As alterações que não chegaram ao servidor ficarão apenas na cópia de segurança que exportou. Feche primeiro o Minga em qualquer outro separador ou janela.',
    'sync.remove.blocked':
      'Alguns dados do Minga continuam neste telefone porque o Minga está aberto noutro separador ou janela. Feche-o e tente de novo.',
    'sync.remove.incomplete':
      'Não foi possível retirar todos os dados do Minga deste telefone. Tente de novo.',
    'sync.remove.retry': 'Tentar de novo',
    'join.title': 'Iniciar sessão para sincronizar',
    'join.noToken':
      'Esta ligação não contém nenhum convite. Peça à coordenação uma nova ligação de convite ou um novo código QR.',
    'join.connected':
      'Sessão iniciada como {name} ({role}). As missões sincronizam-se sempre que houver rede.',
    'join.refused':
      'Acesso recusado: este convite não é válido ou foi revogado. Nada foi alterado neste dispositivo. Peça um novo à coordenação.',
    'join.failed': 'Não foi possível guardar a sessão neste dispositivo. Tente abrir a ligação de novo.',
    'join.toMissions': 'Ir para as missões',
    'join.toSetup': 'Continuar: diga-nos quem é',
    'invite.title': 'Convidar um dispositivo',
    'invite.intro':
      'Cria uma sessão para outro telefone. Qualquer pessoa que tenha a ligação ou o código QR pode iniciar sessão com ele: partilhe-o só com essa pessoa.',
    'invite.open': 'Convidar um dispositivo…',
    'invite.role': 'Função',
    'invite.name': 'Nome da pessoa ou do dispositivo',
    'invite.missions': 'Missões que pode abrir',
    'invite.noMissions': 'Não há missões neste dispositivo.',
    'invite.create': 'Criar o convite',
    'invite.creating': 'A criar…',
    'invite.link': 'Ligação de convite',
    'invite.copy': 'Copiar a ligação',
    'invite.copied': 'Ligação copiada.',
    'invite.copyFailed': 'Não foi possível copiar: selecione a ligação e copie-a à mão.',
    'invite.qr': 'Código QR da ligação de convite',
    'invite.scan': 'Leia-o com a câmara do outro telefone ou envie a ligação por um canal privado.',
    'invite.another': 'Convidar outro dispositivo',
    'invite.failed.forbidden': 'Só a coordenação pode convidar dispositivos.',
    'invite.failed.unreachable': 'Não é possível chegar ao servidor. Convide quando houver rede.',
    'invite.failed.other': 'O servidor recusou o convite. Verifique os campos e tente de novo.',
  },
);

export type SyncScreenKey = keyof (typeof syncScreens)['en'];
