// Strings of the backup: one file with every mission, its reviews and photos, read back before it counts; and
// restoring it, and receiving mission files by "open with", "share to" and drag and drop.
import { defineMessages } from '../define.ts';

export const backup = defineMessages(
  {
    'backup.intro':
      'One file with every mission on this device, its reviews and photos. Keep it off the phone (a computer, a memory card); restore it here or on a new phone.',
    'backup.make': 'Back up everything',
    'backup.making': 'Preparing the backup…',
    'backup.fileType': 'Minga backup',
    'backup.pickBack':
      'Downloaded as {file}. To be sure it was saved whole, choose that file from your downloads.',
    'backup.pickLabel': 'The saved backup file',
    'backup.checking': 'Checking the backup…',
    'backup.confirmed': 'Backup checked: {file} holds {missions} missions and {photos} photos.',
    'backup.incomplete':
      'This file does not hold everything on this device (an older backup, or another file). Back up again.',
    'backup.failed': 'The backup could not be made or saved. Try again.',
    'backup.restore': 'Restore from a backup',
    'backup.restoreHint':
      'You will see what the file holds before anything changes; it is merged with what this device has.',
    'backup.drop': 'Or drop a file here.',
    'backup.nothing': 'There is nothing on this device to back up yet.',
  },
  {
    'backup.intro':
      'Un archivo con todas las misiones de este dispositivo, sus revisiones y sus fotos. Guárdalo fuera del teléfono (un ordenador, una tarjeta de memoria); restáuralo aquí o en un teléfono nuevo.',
    'backup.make': 'Hacer una copia de todo',
    'backup.making': 'Preparando la copia…',
    'backup.fileType': 'Copia de seguridad de Minga',
    'backup.pickBack':
      'Descargada como {file}. Para asegurarte de que se guardó entera, elige ese archivo en tus descargas.',
    'backup.pickLabel': 'El archivo de la copia guardada',
    'backup.checking': 'Comprobando la copia…',
    'backup.confirmed': 'Copia comprobada: {file} contiene {missions} misiones y {photos} fotos.',
    'backup.incomplete':
      'Este archivo no contiene todo lo que hay en este dispositivo (una copia anterior u otro archivo). Vuelve a hacer la copia.',
    'backup.failed': 'No se pudo crear o guardar la copia. Vuelve a intentarlo.',
    'backup.restore': 'Restaurar desde una copia',
    'backup.restoreHint':
      'Verás lo que contiene el archivo antes de que cambie nada; se combina con lo que tiene este dispositivo.',
    'backup.drop': 'O suelta un archivo aquí.',
    'backup.nothing': 'Todavía no hay nada que copiar en este dispositivo.',
  },
  {
    'backup.intro':
      'Un fitxer amb totes les missions d’aquest dispositiu, les seves revisions i les seves fotos. Guarda’l fora del telèfon (un ordinador, una targeta de memòria); restaura’l aquí o en un telèfon nou.',
    'backup.make': 'Fes una còpia de tot',
    'backup.making': 'S’està preparant la còpia…',
    'backup.fileType': 'Còpia de seguretat de Minga',
    'backup.pickBack':
      'Baixada com a {file}. Per assegurar-te que s’ha desat sencera, tria aquest fitxer a les baixades.',
    'backup.pickLabel': 'El fitxer de la còpia desada',
    'backup.checking': 'S’està comprovant la còpia…',
    'backup.confirmed': 'Còpia comprovada: {file} conté {missions} missions i {photos} fotos.',
    'backup.incomplete':
      'Aquest fitxer no conté tot el que hi ha en aquest dispositiu (una còpia anterior o un altre fitxer). Torna a fer la còpia.',
    'backup.failed': 'No s’ha pogut crear o desar la còpia. Torna-ho a provar.',
    'backup.restore': 'Restaura des d’una còpia',
    'backup.restoreHint':
      'Veuràs què conté el fitxer abans que canviï res; es combina amb el que té aquest dispositiu.',
    'backup.drop': 'O deixa anar un fitxer aquí.',
    'backup.nothing': 'Encara no hi ha res per copiar en aquest dispositiu.',
  },
  {
    'backup.intro':
      'Um ficheiro com todas as missões deste dispositivo, as respetivas revisões e fotografias. Guarde-o fora do telemóvel (um computador, um cartão de memória); restaure-o aqui ou num telemóvel novo.',
    'backup.make': 'Fazer cópia de segurança de tudo',
    'backup.making': 'A preparar a cópia de segurança…',
    'backup.fileType': 'Cópia de segurança do Minga',
    'backup.pickBack':
      'Transferida como {file}. Para ter a certeza de que foi guardada inteira, escolha esse ficheiro nas suas transferências.',
    'backup.pickLabel': 'O ficheiro da cópia guardada',
    'backup.checking': 'A verificar a cópia de segurança…',
    'backup.confirmed': 'Cópia verificada: {file} contém {missions} missões e {photos} fotografias.',
    'backup.incomplete':
      'Este ficheiro não contém tudo o que está neste dispositivo (uma cópia anterior ou outro ficheiro). Faça a cópia novamente.',
    'backup.failed': 'Não foi possível criar ou guardar a cópia de segurança. Tente novamente.',
    'backup.restore': 'Restaurar a partir de uma cópia de segurança',
    'backup.restoreHint':
      'Verá o que o ficheiro contém antes de qualquer alteração; é combinado com o que este dispositivo tem.',
    'backup.drop': 'Ou largue um ficheiro aqui.',
    'backup.nothing': 'Ainda não há nada para copiar neste dispositivo.',
  },
);
