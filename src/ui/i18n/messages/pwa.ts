// Strings of the installable app: update notices, install hints, storage and backup panel.
import { defineMessages } from '../define.ts';

export const pwa = defineMessages(
  {
    'pwa.update.ready': 'A new version is ready.',
    'pwa.update.apply': 'Update',
    'pwa.update.later': 'Later',
    'pwa.update.applying': 'Updating… your work is saved first.',
    'pwa.update.elsewhere': 'Minga was updated — reload when convenient.',
    'pwa.update.reload': 'Reload',
    'pwa.offlineReady': 'Ready to work offline.',
    'pwa.install.button': 'Install app',
    'pwa.install.ios': 'Install: tap Share, then Add to Home Screen.',
    'pwa.storage.title': 'Storage on this device',
    'pwa.storage.persistent': 'Persistent storage',
    'pwa.storage.yes': 'Yes',
    'pwa.storage.no': 'No',
    'pwa.storage.unknown': 'Unknown',
    'pwa.storage.used': 'Used',
    'pwa.storage.usedValue': '{used} of {quota} ({percent})',
    'pwa.storage.free': 'Still available',
    'pwa.storage.persistentHelp':
      'The browser will not delete Minga’s data to free space. Still export backups: a lost or broken phone loses them.',
    'pwa.storage.notPersistent':
      'Without persistent storage the browser may delete Minga’s data when the device runs low on space. Install the app (add it to the home screen) and export backups regularly.',
    'pwa.storage.refused': 'The browser refused persistent storage on {date}.',
    'pwa.storage.ask': 'Ask for persistent storage',
    'pwa.storage.nearlyFull':
      'Storage is {percent} full. Export a backup, then delete photos or missions you no longer need, or saving may soon fail.',
    'pwa.storage.unsupported': 'This browser does not report its storage. Export backups regularly.',
    'pwa.storage.ios':
      'On iPhone and iPad, Safari deletes the data of web apps that are not on the Home Screen after 7 days without use. Add Minga to the Home Screen: tap Share, then Add to Home Screen.',
    'pwa.backup.title': 'Backup',
    'pwa.backup.never': 'No backup has been exported from this device yet.',
    'pwa.backup.last': 'Last backup: {date}',
    'pwa.backup.reminder':
      'Your data has been neither backed up nor synced for {days} days or more. Export a backup and keep the file somewhere safe (another device, a USB stick).',
    'pwa.version': 'Minga version {version}',
  },
  {
    'pwa.update.ready': 'Hay una nueva versión lista.',
    'pwa.update.apply': 'Actualizar',
    'pwa.update.later': 'Más tarde',
    'pwa.update.applying': 'Actualizando… primero se guarda tu trabajo.',
    'pwa.update.elsewhere': 'Minga se actualizó: recarga cuando te convenga.',
    'pwa.update.reload': 'Recargar',
    'pwa.offlineReady': 'Lista para trabajar sin conexión.',
    'pwa.install.button': 'Instalar la aplicación',
    'pwa.install.ios': 'Instalar: toca Compartir y luego Agregar a pantalla de inicio.',
    'pwa.storage.title': 'Almacenamiento en este dispositivo',
    'pwa.storage.persistent': 'Almacenamiento persistente',
    'pwa.storage.yes': 'Sí',
    'pwa.storage.no': 'No',
    'pwa.storage.unknown': 'Desconocido',
    'pwa.storage.used': 'Usado',
    'pwa.storage.usedValue': '{used} de {quota} ({percent})',
    'pwa.storage.free': 'Disponible',
    'pwa.storage.persistentHelp':
      'El navegador no borrará los datos de Minga para liberar espacio. Aun así, exporta copias: un teléfono perdido o roto los pierde.',
    'pwa.storage.notPersistent':
      'Sin almacenamiento persistente, el navegador puede borrar los datos de Minga cuando falte espacio en el dispositivo. Instala la aplicación (agrégala a la pantalla de inicio) y exporta copias con frecuencia.',
    'pwa.storage.refused': 'El navegador rechazó el almacenamiento persistente el {date}.',
    'pwa.storage.ask': 'Pedir almacenamiento persistente',
    'pwa.storage.nearlyFull':
      'El almacenamiento está lleno al {percent}. Exporta una copia y luego borra fotos o misiones que ya no necesites; si no, pronto podría fallar el guardado.',
    'pwa.storage.unsupported':
      'Este navegador no informa de su almacenamiento. Exporta copias con frecuencia.',
    'pwa.storage.ios':
      'En iPhone y iPad, Safari borra los datos de las aplicaciones web que no están en la pantalla de inicio tras 7 días sin uso. Agrega Minga a la pantalla de inicio: toca Compartir y luego Agregar a pantalla de inicio.',
    'pwa.backup.title': 'Copia de seguridad',
    'pwa.backup.never': 'Todavía no se ha exportado ninguna copia desde este dispositivo.',
    'pwa.backup.last': 'Última copia: {date}',
    'pwa.backup.reminder':
      'Tus datos llevan {days} días o más sin copia de seguridad ni sincronización. Exporta una copia y guarda el archivo en un lugar seguro (otro dispositivo, una memoria USB).',
    'pwa.version': 'Minga versión {version}',
  },
  {
    'pwa.update.ready': 'Hi ha una versió nova a punt.',
    'pwa.update.apply': 'Actualitza',
    'pwa.update.later': 'Més tard',
    'pwa.update.applying': 'S’està actualitzant… primer es desa la feina.',
    'pwa.update.elsewhere': 'Minga s’ha actualitzat: recarrega quan et vagi bé.',
    'pwa.update.reload': 'Recarrega',
    'pwa.offlineReady': 'A punt per treballar sense connexió.',
    'pwa.install.button': 'Instal·la l’aplicació',
    'pwa.install.ios': 'Instal·la: toca Comparteix i després Afegeix a la pantalla d’inici.',
    'pwa.storage.title': 'Emmagatzematge en aquest dispositiu',
    'pwa.storage.persistent': 'Emmagatzematge persistent',
    'pwa.storage.yes': 'Sí',
    'pwa.storage.no': 'No',
    'pwa.storage.unknown': 'Desconegut',
    'pwa.storage.used': 'Utilitzat',
    'pwa.storage.usedValue': '{used} de {quota} ({percent})',
    'pwa.storage.free': 'Encara disponible',
    'pwa.storage.persistentHelp':
      'El navegador no esborrarà les dades de Minga per alliberar espai. Tot i així, exporta còpies: un telèfon perdut o trencat les perd.',
    'pwa.storage.notPersistent':
      'Sense emmagatzematge persistent, el navegador pot esborrar les dades de Minga quan el dispositiu es quedi sense espai. Instal·la l’aplicació (afegeix-la a la pantalla d’inici) i exporta còpies sovint.',
    'pwa.storage.refused': 'El navegador va refusar l’emmagatzematge persistent el {date}.',
    'pwa.storage.ask': 'Demana emmagatzematge persistent',
    'pwa.storage.nearlyFull':
      'L’emmagatzematge és ple al {percent}. Exporta una còpia i després esborra fotos o missions que ja no necessitis; si no, aviat podria fallar el desament.',
    'pwa.storage.unsupported': 'Aquest navegador no informa del seu emmagatzematge. Exporta còpies sovint.',
    'pwa.storage.ios':
      'A l’iPhone i l’iPad, Safari esborra les dades de les aplicacions web que no són a la pantalla d’inici després de 7 dies sense ús. Afegeix Minga a la pantalla d’inici: toca Comparteix i després Afegeix a la pantalla d’inici.',
    'pwa.backup.title': 'Còpia de seguretat',
    'pwa.backup.never': 'Encara no s’ha exportat cap còpia des d’aquest dispositiu.',
    'pwa.backup.last': 'Última còpia: {date}',
    'pwa.backup.reminder':
      'Fa {days} dies o més que les dades no tenen còpia de seguretat ni sincronització. Exporta una còpia i guarda el fitxer en un lloc segur (un altre dispositiu, una memòria USB).',
    'pwa.version': 'Minga versió {version}',
  },
  {
    'pwa.update.ready': 'Está pronta uma nova versão.',
    'pwa.update.apply': 'Atualizar',
    'pwa.update.later': 'Mais tarde',
    'pwa.update.applying': 'A atualizar… o seu trabalho é guardado primeiro.',
    'pwa.update.elsewhere': 'O Minga foi atualizado — recarregue quando lhe convier.',
    'pwa.update.reload': 'Recarregar',
    'pwa.offlineReady': 'Pronto para trabalhar sem rede.',
    'pwa.install.button': 'Instalar a aplicação',
    'pwa.install.ios': 'Instalar: toque em Partilhar e depois em Adicionar ao ecrã principal.',
    'pwa.storage.title': 'Armazenamento neste dispositivo',
    'pwa.storage.persistent': 'Armazenamento persistente',
    'pwa.storage.yes': 'Sim',
    'pwa.storage.no': 'Não',
    'pwa.storage.unknown': 'Desconhecido',
    'pwa.storage.used': 'Usado',
    'pwa.storage.usedValue': '{used} de {quota} ({percent})',
    'pwa.storage.free': 'Ainda disponível',
    'pwa.storage.persistentHelp':
      'O navegador não apagará os dados do Minga para libertar espaço. Exporte na mesma cópias de segurança: um telefone perdido ou avariado perde-os.',
    'pwa.storage.notPersistent':
      'Sem armazenamento persistente, o navegador pode apagar os dados do Minga quando o dispositivo ficar com pouco espaço. Instale a aplicação (adicione-a ao ecrã principal) e exporte cópias de segurança com regularidade.',
    'pwa.storage.refused': 'O navegador recusou o armazenamento persistente em {date}.',
    'pwa.storage.ask': 'Pedir armazenamento persistente',
    'pwa.storage.nearlyFull':
      'O armazenamento está {percent} cheio. Exporte uma cópia de segurança e depois elimine fotografias ou missões de que já não precise; caso contrário, guardar pode falhar em breve.',
    'pwa.storage.unsupported':
      'Este navegador não indica o seu armazenamento. Exporte cópias de segurança com regularidade.',
    'pwa.storage.ios':
      'No iPhone e no iPad, o Safari apaga os dados das aplicações web que não estão no ecrã principal após 7 dias sem uso. Adicione o Minga ao ecrã principal: toque em Partilhar e depois em Adicionar ao ecrã principal.',
    'pwa.backup.title': 'Cópia de segurança',
    'pwa.backup.never': 'Ainda não foi exportada nenhuma cópia de segurança deste dispositivo.',
    'pwa.backup.last': 'Última cópia de segurança: {date}',
    'pwa.backup.reminder':
      'Há {days} dias ou mais que os seus dados não têm cópia de segurança nem são sincronizados. Exporte uma cópia de segurança e guarde o ficheiro num lugar seguro (outro dispositivo, uma pen USB).',
    'pwa.version': 'Minga, versão {version}',
  },
);
