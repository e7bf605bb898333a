// Strings of the invite link's screen (it asks before signing in or switching account); see useMessages.ts.
import { defineMessages } from '../define.ts';

/** Not a part of catalog.ts: only the join screen, which loads on demand, shows them. */
export const joinInvite = defineMessages(
  {
    'joinInvite.checking': 'Checking the invitation…',
    'joinInvite.asks': 'This link signs this device in as {name} ({role}).',
    'joinInvite.signIn': 'Sign in',
    'joinInvite.signingIn': 'Signing in…',
    'joinInvite.already': 'This device is already signed in with this link. Nothing was changed.',
    'joinInvite.alreadyAs':
      'This device is already signed in as {name} ({role}) with this link. Nothing was changed.',
    'joinInvite.unreachable':
      'The invitation cannot be checked: the server does not answer. Nothing on this device was changed. Connect to a network and try again.',
    'joinInvite.retry': 'Try again',
    'joinInvite.current': 'Signed in on this device now: {name} ({role}).',
    'joinInvite.currentUnknown': 'This device is signed in now with another account.',
    'joinInvite.link': 'This link: {name} ({role}).',
    'joinInvite.blocked':
      'Switching account is refused: the current account’s work has not all reached the server, and it would be lost or sent under another name.',
    'joinInvite.blockedAdvice':
      'Connect to a network and wait until the sync status says everything is on the server, then open this link again. To hand this phone to someone else, sign out after sending.',
    'joinInvite.confirmSwitch':
      'Switching signs the current account out and removes its missions, photos and settings from this device (the server has all of them). Then this device is signed in as {name}.',
    'joinInvite.switch': 'Remove and sign in as {name}',
    'joinInvite.switching': 'Switching account…',
    'joinInvite.cancelled': 'Nothing was changed.',
  },
  {
    'joinInvite.checking': 'Comprobando la invitación…',
    'joinInvite.asks': 'Este enlace inicia sesión en este dispositivo como {name} ({role}).',
    'joinInvite.signIn': 'Iniciar sesión',
    'joinInvite.signingIn': 'Iniciando sesión…',
    'joinInvite.already': 'Este dispositivo ya ha iniciado sesión con este enlace. No se ha cambiado nada.',
    'joinInvite.alreadyAs':
      'Este dispositivo ya ha iniciado sesión como {name} ({role}) con este enlace. No se ha cambiado nada.',
    'joinInvite.unreachable':
      'No se puede comprobar la invitación: el servidor no responde. No se ha cambiado nada en este dispositivo. Conéctate a una red y vuelve a intentarlo.',
    'joinInvite.retry': 'Volver a intentarlo',
    'joinInvite.current': 'Sesión actual en este dispositivo: {name} ({role}).',
    'joinInvite.currentUnknown': 'Este dispositivo tiene ahora la sesión iniciada con otra cuenta.',
    'joinInvite.link': 'Este enlace: {name} ({role}).',
    'joinInvite.blocked':
      'No se puede cambiar de cuenta: parte del trabajo de la cuenta actual aún no ha llegado al servidor, y se perdería o se enviaría con otro nombre.',
    'joinInvite.blockedAdvice':
      'Conéctate a una red y espera a que el estado de sincronización indique que todo está en el servidor; luego vuelve a abrir este enlace. Para entregar este teléfono a otra persona, cierra la sesión después de enviarlo.',
    'joinInvite.confirmSwitch':
      'Al cambiar, se cierra la sesión de la cuenta actual y se borran sus misiones, fotos y ajustes de este dispositivo (el servidor los tiene todos). Después, este dispositivo inicia sesión como {name}.',
    'joinInvite.switch': 'Borrar e iniciar sesión como {name}',
    'joinInvite.switching': 'Cambiando de cuenta…',
    'joinInvite.cancelled': 'No se ha cambiado nada.',
  },
  {
    'joinInvite.checking': 'S’està comprovant la invitació…',
    'joinInvite.asks': 'Aquest enllaç inicia la sessió en aquest dispositiu com a {name} ({role}).',
    'joinInvite.signIn': 'Inicia la sessió',
    'joinInvite.signingIn': 'S’està iniciant la sessió…',
    'joinInvite.already':
      'Aquest dispositiu ja té la sessió iniciada amb aquest enllaç. No s’ha canviat res.',
    'joinInvite.alreadyAs':
      'Aquest dispositiu ja té la sessió iniciada com a {name} ({role}) amb aquest enllaç. No s’ha canviat res.',
    'joinInvite.unreachable':
      'No es pot comprovar la invitació: el servidor no respon. No s’ha canviat res en aquest dispositiu. Connecta’t a una xarxa i torna-ho a provar.',
    'joinInvite.retry': 'Torna-ho a provar',
    'joinInvite.current': 'Sessió actual en aquest dispositiu: {name} ({role}).',
    'joinInvite.currentUnknown': 'Aquest dispositiu té ara la sessió iniciada amb un altre compte.',
    'joinInvite.link': 'Aquest enllaç: {name} ({role}).',
    'joinInvite.blocked':
      'No es pot canviar de compte: part de la feina del compte actual encara no ha arribat al servidor, i es perdria o s’enviaria amb un altre nom.',
    'joinInvite.blockedAdvice':
      'Connecta’t a una xarxa i espera que l’estat de sincronització indiqui que tot és al servidor; després torna a obrir aquest enllaç. Per donar aquest telèfon a una altra persona, tanca la sessió després d’enviar-ho.',
    'joinInvite.confirmSwitch':
      'En canviar, es tanca la sessió del compte actual i se n’esborren les missions, les fotos i la configuració d’aquest dispositiu (el servidor les té totes). Després, aquest dispositiu inicia la sessió com a {name}.',
    'joinInvite.switch': 'Esborra i inicia la sessió com a {name}',
    'joinInvite.switching': 'S’està canviant de compte…',
    'joinInvite.cancelled': 'No s’ha canviat res.',
  },
  {
    'joinInvite.checking': 'A verificar o convite…',
    'joinInvite.asks': 'Esta ligação inicia sessão neste dispositivo como {name} ({role}).',
    'joinInvite.signIn': 'Iniciar sessão',
    'joinInvite.signingIn': 'A iniciar sessão…',
    'joinInvite.already': 'Este dispositivo já tem sessão iniciada com esta ligação. Nada foi alterado.',
    'joinInvite.alreadyAs':
      'Este dispositivo já tem sessão iniciada como {name} ({role}) com esta ligação. Nada foi alterado.',
    'joinInvite.unreachable':
      'Não é possível verificar o convite: o servidor não responde. Nada foi alterado neste dispositivo. Ligue-se a uma rede e tente novamente.',
    'joinInvite.retry': 'Tentar novamente',
    'joinInvite.current': 'Sessão atual neste dispositivo: {name} ({role}).',
    'joinInvite.currentUnknown': 'Este dispositivo tem agora sessão iniciada com outra conta.',
    'joinInvite.link': 'Esta ligação: {name} ({role}).',
    'joinInvite.blocked':
      'Não é possível mudar de conta: parte do trabalho da conta atual ainda não chegou ao servidor e perder-se-ia ou seria enviada com outro nome.',
    'joinInvite.blockedAdvice':
      'Ligue-se a uma rede e aguarde até o estado da sincronização indicar que tudo está no servidor; depois abra novamente esta ligação. Para entregar este telemóvel a outra pessoa, termine a sessão depois de enviar.',
    'joinInvite.confirmSwitch':
      'Ao mudar, a sessão da conta atual é terminada e as suas missões, fotografias e definições são removidas deste dispositivo (o servidor tem todas). Depois, este dispositivo inicia sessão como {name}.',
    'joinInvite.switch': 'Remover e iniciar sessão como {name}',
    'joinInvite.switching': 'A mudar de conta…',
    'joinInvite.cancelled': 'Nada foi alterado.',
  },
);
