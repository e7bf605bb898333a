// Strings of the camera-to-camera exchange (QR codes), loaded with it from Settings; see useMessages.ts.
import { defineMessages } from '../define.ts';

/** Not a part of catalog.ts: only the QR exchange, loaded on demand, shows them. */
export const qrExchangeMessages = defineMessages(
  {
    'qr.title': 'Exchange by camera',
    'qr.intro':
      'No network and no file: one phone shows its changes as moving QR codes, the other films them. Then swap.',
    'qr.showMine': 'Show my changes',
    'qr.scanTheirs': 'Scan a colleague’s changes',
    'qr.peer': 'Who will scan them?',
    'qr.peerNew': 'Someone new (everything except photos)',
    'qr.peerKnown': '{name}: only what they lack',
    'qr.peerUnnamed': 'Device {device}: only what they lack',
    'qr.missions': 'Missions to show',
    'qr.start': 'Show the codes',
    'qr.preparing': 'Preparing…',
    'qr.showing':
      'Hold this phone steady, screen towards your colleague’s camera, until their phone says it is done. Photos are not sent this way.',
    'qr.code': 'Moving QR code with this phone’s changes',
    'qr.stop': 'Stop showing',
    'qr.tooLarge':
      'Too much for the camera ({size} KB, at most {max} KB). Send a file instead, or choose fewer missions.',
    'qr.sendFile': 'Send as a file instead',
    'qr.fileSent': 'File ready: {file}.',
    'qr.failed': 'The codes could not be made. Nothing was changed.',
    'qr.scanning': 'Point the camera at your colleague’s screen and hold still.',
    'qr.camera': 'Camera picture',
    'qr.progress': 'Received',
    'qr.progressValue': '{percent} %',
    'qr.stopScan': 'Stop scanning',
    'qr.noCamera': 'The camera could not be opened. Allow the app to use it, or exchange a file instead.',
    'qr.scanAgain': 'Scan again',
    'qr.answer': 'Now show yours',
    'qr.answerHint': 'So that {name} also gets your changes, show them yours now.',
    'qr.back': 'Back',
    'qr.refusal.notMinga': 'That QR code is not from Minga. Point the camera only at the Minga codes.',
    'qr.refusal.mixedSenders':
      'Codes from two phones were mixed. Scan one phone at a time. Nothing was changed.',
    'qr.refusal.badFrame': 'A code was misread or damaged. Scan again. Nothing was changed.',
    'qr.refusal.tooLarge': 'These codes carry more than a camera exchange allows. Ask for a file instead.',
  },
  {
    'qr.title': 'Intercambiar con la cámara',
    'qr.intro':
      'Sin red y sin archivo: un teléfono muestra sus cambios como códigos QR en movimiento y el otro los filma. Después, al revés.',
    'qr.showMine': 'Mostrar mis cambios',
    'qr.scanTheirs': 'Escanear los cambios de un colega',
    'qr.peer': '¿Quién los va a escanear?',
    'qr.peerNew': 'Alguien nuevo (todo menos las fotos)',
    'qr.peerKnown': '{name}: solo lo que le falta',
    'qr.peerUnnamed': 'Dispositivo {device}: solo lo que le falta',
    'qr.missions': 'Misiones que mostrar',
    'qr.start': 'Mostrar los códigos',
    'qr.preparing': 'Preparando…',
    'qr.showing':
      'Mantén el teléfono quieto, con la pantalla hacia la cámara de tu colega, hasta que su teléfono diga que ha terminado. Las fotos no se envían así.',
    'qr.code': 'Código QR en movimiento con los cambios de este teléfono',
    'qr.stop': 'Dejar de mostrar',
    'qr.tooLarge':
      'Demasiado para la cámara ({size} KB, como máximo {max} KB). Envía un archivo o elige menos misiones.',
    'qr.sendFile': 'Enviar como archivo',
    'qr.fileSent': 'Archivo listo: {file}.',
    'qr.failed': 'No se pudieron preparar los códigos. No se ha cambiado nada.',
    'qr.scanning': 'Apunta la cámara a la pantalla de tu colega y no te muevas.',
    'qr.camera': 'Imagen de la cámara',
    'qr.progress': 'Recibido',
    'qr.progressValue': '{percent} %',
    'qr.stopScan': 'Dejar de escanear',
    'qr.noCamera': 'No se pudo abrir la cámara. Permite que la aplicación la use o intercambiad un archivo.',
    'qr.scanAgain': 'Escanear de nuevo',
    'qr.answer': 'Ahora muestra los tuyos',
    'qr.answerHint': 'Para que {name} también reciba tus cambios, muéstrale los tuyos ahora.',
    'qr.back': 'Volver',
    'qr.refusal.notMinga': 'Ese código QR no es de Minga. Apunta la cámara solo a los códigos de Minga.',
    'qr.refusal.mixedSenders':
      'Se han mezclado códigos de dos teléfonos. Escanea un teléfono cada vez. No se ha cambiado nada.',
    'qr.refusal.badFrame': 'Un código se leyó mal o está dañado. Escanea de nuevo. No se ha cambiado nada.',
    'qr.refusal.tooLarge':
      'Estos códigos llevan más de lo que permite un intercambio con la cámara. Pide un archivo.',
  },
  {
    'qr.title': 'Intercanviar amb la càmera',
    'qr.intro':
      'Sense xarxa i sense fitxer: un telèfon mostra els seus canvis com a codis QR en moviment i l’altre els filma. Després, a l’inrevés.',
    'qr.showMine': 'Mostrar els meus canvis',
    'qr.scanTheirs': 'Escanejar els canvis d’un company',
    'qr.peer': 'Qui els escanejarà?',
    'qr.peerNew': 'Algú nou (tot menys les fotos)',
    'qr.peerKnown': '{name}: només el que li falta',
    'qr.peerUnnamed': 'Dispositiu {device}: només el que li falta',
    'qr.missions': 'Missions que es mostraran',
    'qr.start': 'Mostrar els codis',
    'qr.preparing': 'S’està preparant…',
    'qr.showing':
      'Mantén el telèfon quiet, amb la pantalla cap a la càmera del teu company, fins que el seu telèfon digui que ha acabat. Les fotos no s’envien així.',
    'qr.code': 'Codi QR en moviment amb els canvis d’aquest telèfon',
    'qr.stop': 'Deixar de mostrar',
    'qr.tooLarge':
      'Massa per a la càmera ({size} KB, com a màxim {max} KB). Envia un fitxer o tria menys missions.',
    'qr.sendFile': 'Enviar com a fitxer',
    'qr.fileSent': 'Fitxer a punt: {file}.',
    'qr.failed': 'No s’han pogut preparar els codis. No s’ha canviat res.',
    'qr.scanning': 'Apunta la càmera a la pantalla del teu company i no et moguis.',
    'qr.camera': 'Imatge de la càmera',
    'qr.progress': 'Rebut',
    'qr.progressValue': '{percent} %',
    'qr.stopScan': 'Deixar d’escanejar',
    'qr.noCamera':
      'No s’ha pogut obrir la càmera. Permet que l’aplicació la faci servir o intercanvieu un fitxer.',
    'qr.scanAgain': 'Tornar a escanejar',
    'qr.answer': 'Ara mostra els teus',
    'qr.answerHint': 'Perquè {name} també rebi els teus canvis, mostra-li ara els teus.',
    'qr.back': 'Enrere',
    'qr.refusal.notMinga': 'Aquest codi QR no és de Minga. Apunta la càmera només als codis de Minga.',
    'qr.refusal.mixedSenders':
      'S’han barrejat codis de dos telèfons. Escaneja un telèfon cada vegada. No s’ha canviat res.',
    'qr.refusal.badFrame':
      'Un codi s’ha llegit malament o està malmès. Torna a escanejar. No s’ha canviat res.',
    'qr.refusal.tooLarge':
      'Aquests codis porten més del que permet un intercanvi amb la càmera. Demana un fitxer.',
  },
  {
    'qr.title': 'Trocar com a câmara',
    'qr.intro':
      'Sem rede e sem ficheiro: um telemóvel mostra as suas alterações como códigos QR em movimento e o outro filma-os. Depois, ao contrário.',
    'qr.showMine': 'Mostrar as minhas alterações',
    'qr.scanTheirs': 'Ler as alterações de um colega',
    'qr.peer': 'Quem as vai ler?',
    'qr.peerNew': 'Alguém novo (tudo menos as fotografias)',
    'qr.peerKnown': '{name}: apenas o que lhe falta',
    'qr.peerUnnamed': 'Dispositivo {device}: apenas o que lhe falta',
    'qr.missions': 'Missões a mostrar',
    'qr.start': 'Mostrar os códigos',
    'qr.preparing': 'A preparar…',
    'qr.showing':
      'Mantenha o telemóvel parado, com o ecrã virado para a câmara do seu colega, até o telemóvel dele dizer que terminou. As fotografias não são enviadas assim.',
    'qr.code': 'Código QR em movimento com as alterações deste telemóvel',
    'qr.stop': 'Parar de mostrar',
    'qr.tooLarge':
      'Demasiado para a câmara ({size} KB, no máximo {max} KB). Envie um ficheiro ou escolha menos missões.',
    'qr.sendFile': 'Enviar como ficheiro',
    'qr.fileSent': 'Ficheiro pronto: {file}.',
    'qr.failed': 'Não foi possível preparar os códigos. Nada foi alterado.',
    'qr.scanning': 'Aponte a câmara para o ecrã do seu colega e não se mexa.',
    'qr.camera': 'Imagem da câmara',
    'qr.progress': 'Recebido',
    'qr.progressValue': '{percent} %',
    'qr.stopScan': 'Parar de ler',
    'qr.noCamera': 'Não foi possível abrir a câmara. Permita que a aplicação a use ou troquem um ficheiro.',
    'qr.scanAgain': 'Ler de novo',
    'qr.answer': 'Agora mostre as suas',
    'qr.answerHint': 'Para que {name} também receba as suas alterações, mostre-lhe agora as suas.',
    'qr.back': 'Voltar',
    'qr.refusal.notMinga': 'Esse código QR não é do Minga. Aponte a câmara apenas para os códigos do Minga.',
    'qr.refusal.mixedSenders':
      'Misturaram-se códigos de dois telemóveis. Leia um telemóvel de cada vez. Nada foi alterado.',
    'qr.refusal.badFrame': 'Um código foi mal lido ou está danificado. Leia de novo. Nada foi alterado.',
    'qr.refusal.tooLarge': 'Estes códigos levam mais do que uma troca pela câmara permite. Peça um ficheiro.',
  },
);

export type QrMessageKey = keyof (typeof qrExchangeMessages)['en'];
