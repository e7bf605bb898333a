// Strings of sending and receiving missions as files (bundles), with a message for every reason a file is refused.
import { defineMessages } from '../define.ts';

export const exchange = defineMessages(
  {
    'exchange.title': 'Send and receive missions as files',
    'exchange.intro':
      'With no network at all: send a file to a colleague (Bluetooth, cable, memory card), and receive theirs.',
    'exchange.choose': 'Missions to send',
    'exchange.none': 'There are no missions on this device yet.',
    'exchange.send': 'Send selected missions',
    'exchange.sending': 'Preparing the file…',
    'exchange.sent': 'File ready: {file} ({missions} missions, {photos} photos).',
    'exchange.sendFailed': 'The file could not be made. Nothing was changed.',
    'exchange.receive': 'Receive a file',
    'exchange.reading': 'Checking the file…',
    'exchange.previewTitle': 'This file holds',
    'exchange.from': 'From {name}, made on {date}.',
    'exchange.missionNew': 'New on this device',
    'exchange.missionChanges': 'Has changes for this device',
    'exchange.missionSame': 'Nothing new',
    'exchange.counts': '{assessments} assessments · {notes} notes · {actions} actions · {photos} photos',
    'exchange.photosNew': '{count} photos new to this device.',
    'exchange.confirm': 'Import',
    'exchange.cancel': 'Cancel',
    'exchange.qr': 'Exchange by camera (QR codes)',
    'exchange.importing': 'Importing…',
    'exchange.imported': 'Imported: {missions} missions merged with what this device had.',
    'exchange.importFailed': 'The file could not be imported. Nothing was changed.',
    'exchange.refusal.notABundle': 'This file is not a Minga mission file.',
    'exchange.refusal.corrupt': 'This file is damaged or incomplete. Ask for it again. Nothing was changed.',
    'exchange.refusal.newerVersion':
      'This file was made by a newer version of Minga. Update the app, then try again.',
    'exchange.refusal.tooLarge': 'This file is too large, or holds too many entries, to be opened safely.',
    'exchange.refusal.unexpectedEntry':
      'This file holds something a mission file never holds. Nothing was changed.',
    'exchange.refusal.badManifest': 'The contents list of this file is not valid. Nothing was changed.',
    'exchange.refusal.docMismatch':
      'Part of this file does not match its contents list: it was altered or damaged.',
    'exchange.refusal.badUpdate': 'A mission in this file cannot be read. Nothing was changed.',
    'exchange.refusal.missingHistory':
      'This file builds on an earlier one this device never received. Ask for a file with the whole mission.',
    'exchange.refusal.photoMismatch':
      'A photo in this file is damaged (its bytes do not match). Nothing was changed.',
  },
  {
    'exchange.title': 'Enviar y recibir misiones en archivos',
    'exchange.intro':
      'Sin ninguna red: envía un archivo a una colega (Bluetooth, cable, tarjeta de memoria) y recibe el suyo.',
    'exchange.choose': 'Misiones para enviar',
    'exchange.none': 'Todavía no hay misiones en este dispositivo.',
    'exchange.send': 'Enviar las misiones elegidas',
    'exchange.sending': 'Preparando el archivo…',
    'exchange.sent': 'Archivo listo: {file} ({missions} misiones, {photos} fotos).',
    'exchange.sendFailed': 'No se pudo crear el archivo. No se ha cambiado nada.',
    'exchange.receive': 'Recibir un archivo',
    'exchange.reading': 'Comprobando el archivo…',
    'exchange.previewTitle': 'Este archivo contiene',
    'exchange.from': 'De {name}, creado el {date}.',
    'exchange.missionNew': 'Nueva en este dispositivo',
    'exchange.missionChanges': 'Tiene cambios para este dispositivo',
    'exchange.missionSame': 'Nada nuevo',
    'exchange.counts': '{assessments} evaluaciones · {notes} notas · {actions} acciones · {photos} fotos',
    'exchange.photosNew': '{count} fotos nuevas para este dispositivo.',
    'exchange.confirm': 'Importar',
    'exchange.cancel': 'Cancelar',
    'exchange.qr': 'Intercambiar con la cámara (códigos QR)',
    'exchange.importing': 'Importando…',
    'exchange.imported': 'Importado: {missions} misiones fusionadas con lo que tenía este dispositivo.',
    'exchange.importFailed': 'No se pudo importar el archivo. No se ha cambiado nada.',
    'exchange.refusal.notABundle': 'Este archivo no es un archivo de misiones de Minga.',
    'exchange.refusal.corrupt':
      'Este archivo está dañado o incompleto. Pídelo de nuevo. No se ha cambiado nada.',
    'exchange.refusal.newerVersion':
      'Este archivo lo creó una versión más reciente de Minga. Actualiza la aplicación y vuelve a intentarlo.',
    'exchange.refusal.tooLarge':
      'Este archivo es demasiado grande, o tiene demasiadas entradas, para abrirlo con seguridad.',
    'exchange.refusal.unexpectedEntry':
      'Este archivo contiene algo que un archivo de misiones nunca contiene. No se ha cambiado nada.',
    'exchange.refusal.badManifest':
      'La lista de contenido de este archivo no es válida. No se ha cambiado nada.',
    'exchange.refusal.docMismatch':
      'Una parte de este archivo no coincide con su lista de contenido: fue alterado o está dañado.',
    'exchange.refusal.badUpdate': 'Una misión de este archivo no se puede leer. No se ha cambiado nada.',
    'exchange.refusal.missingHistory':
      'Este archivo continúa otro anterior que este dispositivo nunca recibió. Pide un archivo con la misión completa.',
    'exchange.refusal.photoMismatch':
      'Una foto de este archivo está dañada (sus bytes no coinciden). No se ha cambiado nada.',
  },
  {
    'exchange.title': 'Enviar i rebre missions en fitxers',
    'exchange.intro':
      'Sense cap xarxa: envia un fitxer a una companya (Bluetooth, cable, targeta de memòria) i rep el seu.',
    'exchange.choose': 'Missions per enviar',
    'exchange.none': 'Encara no hi ha missions en aquest dispositiu.',
    'exchange.send': 'Envia les missions triades',
    'exchange.sending': 'Preparant el fitxer…',
    'exchange.sent': 'Fitxer a punt: {file} ({missions} missions, {photos} fotos).',
    'exchange.sendFailed': "No s'ha pogut crear el fitxer. No s'ha canviat res.",
    'exchange.receive': 'Rep un fitxer',
    'exchange.reading': 'Comprovant el fitxer…',
    'exchange.previewTitle': 'Aquest fitxer conté',
    'exchange.from': 'De {name}, creat el {date}.',
    'exchange.missionNew': 'Nova en aquest dispositiu',
    'exchange.missionChanges': 'Té canvis per a aquest dispositiu',
    'exchange.missionSame': 'Res de nou',
    'exchange.counts': '{assessments} avaluacions · {notes} notes · {actions} accions · {photos} fotos',
    'exchange.photosNew': '{count} fotos noves per a aquest dispositiu.',
    'exchange.confirm': 'Importa',
    'exchange.cancel': 'Cancel·la',
    'exchange.qr': 'Intercanviar amb la càmera (codis QR)',
    'exchange.importing': 'Important…',
    'exchange.imported': 'Importat: {missions} missions fusionades amb el que tenia aquest dispositiu.',
    'exchange.importFailed': "No s'ha pogut importar el fitxer. No s'ha canviat res.",
    'exchange.refusal.notABundle': 'Aquest fitxer no és un fitxer de missions de Minga.',
    'exchange.refusal.corrupt':
      "Aquest fitxer està malmès o incomplet. Demana'l de nou. No s'ha canviat res.",
    'exchange.refusal.newerVersion':
      "Aquest fitxer el va crear una versió més nova de Minga. Actualitza l'aplicació i torna-ho a provar.",
    'exchange.refusal.tooLarge':
      'Aquest fitxer és massa gran, o té massa entrades, per obrir-lo amb seguretat.',
    'exchange.refusal.unexpectedEntry':
      "Aquest fitxer conté una cosa que un fitxer de missions mai no conté. No s'ha canviat res.",
    'exchange.refusal.badManifest':
      "La llista de contingut d'aquest fitxer no és vàlida. No s'ha canviat res.",
    'exchange.refusal.docMismatch':
      "Una part d'aquest fitxer no coincideix amb la seva llista de contingut: s'ha alterat o està malmès.",
    'exchange.refusal.badUpdate': "Una missió d'aquest fitxer no es pot llegir. No s'ha canviat res.",
    'exchange.refusal.missingHistory':
      'Aquest fitxer continua un altre d’anterior que aquest dispositiu no va rebre mai. Demana un fitxer amb la missió sencera.',
    'exchange.refusal.photoMismatch':
      "Una foto d'aquest fitxer està malmesa (els seus bytes no coincideixen). No s'ha canviat res.",
  },
  {
    'exchange.title': 'Enviar e receber missões em ficheiros',
    'exchange.intro':
      'Sem rede nenhuma: envie um ficheiro a uma colega (Bluetooth, cabo, cartão de memória) e receba o dela.',
    'exchange.choose': 'Missões a enviar',
    'exchange.none': 'Ainda não há missões neste dispositivo.',
    'exchange.send': 'Enviar as missões escolhidas',
    'exchange.sending': 'A preparar o ficheiro…',
    'exchange.sent': 'Ficheiro pronto: {file} ({missions} missões, {photos} fotos).',
    'exchange.sendFailed': 'Não foi possível criar o ficheiro. Nada foi alterado.',
    'exchange.receive': 'Receber um ficheiro',
    'exchange.reading': 'A verificar o ficheiro…',
    'exchange.previewTitle': 'Este ficheiro contém',
    'exchange.from': 'De {name}, criado em {date}.',
    'exchange.missionNew': 'Nova neste dispositivo',
    'exchange.missionChanges': 'Tem alterações para este dispositivo',
    'exchange.missionSame': 'Nada de novo',
    'exchange.counts': '{assessments} avaliações · {notes} notas · {actions} ações · {photos} fotos',
    'exchange.photosNew': '{count} fotos novas para este dispositivo.',
    'exchange.confirm': 'Importar',
    'exchange.cancel': 'Cancelar',
    'exchange.qr': 'Trocar com a câmara (códigos QR)',
    'exchange.importing': 'A importar…',
    'exchange.imported': 'Importado: {missions} missões juntadas ao que este dispositivo tinha.',
    'exchange.importFailed': 'Não foi possível importar o ficheiro. Nada foi alterado.',
    'exchange.refusal.notABundle': 'Este ficheiro não é um ficheiro de missões do Minga.',
    'exchange.refusal.corrupt':
      'Este ficheiro está danificado ou incompleto. Peça-o de novo. Nada foi alterado.',
    'exchange.refusal.newerVersion':
      'Este ficheiro foi criado por uma versão mais recente do Minga. Atualize a aplicação e tente de novo.',
    'exchange.refusal.tooLarge':
      'Este ficheiro é demasiado grande, ou tem entradas demais, para ser aberto com segurança.',
    'exchange.refusal.unexpectedEntry':
      'Este ficheiro contém algo que um ficheiro de missões nunca contém. Nada foi alterado.',
    'exchange.refusal.badManifest': 'A lista de conteúdo deste ficheiro não é válida. Nada foi alterado.',
    'exchange.refusal.docMismatch':
      'Uma parte deste ficheiro não corresponde à sua lista de conteúdo: foi alterado ou está danificado.',
    'exchange.refusal.badUpdate': 'Uma missão deste ficheiro não pode ser lida. Nada foi alterado.',
    'exchange.refusal.missingHistory':
      'Este ficheiro continua um anterior que este dispositivo nunca recebeu. Peça um ficheiro com a missão completa.',
    'exchange.refusal.photoMismatch':
      'Uma foto deste ficheiro está danificada (os seus bytes não correspondem). Nada foi alterado.',
  },
);
