// Strings of the search across everything (home), of the warning that data on this device is at risk, and of
// long notes edited a part at a time.
import { defineMessages } from '../define.ts';

export const search = defineMessages(
  {
    'search.kind.mission': 'Mission',
    'search.kind.assessment': 'Assessment',
    'search.kind.note': 'Note',
    'search.kind.action': 'Action',
    'search.searching': 'Searching notes, assessments and actions…',
    'search.foundIn': 'Found in {title}',
    'search.more': '{count} more in this mission: refine the search to see them.',
    'risk.title': 'Your work is only on this phone',
    'risk.body':
      'The browser may delete it to free space: it has not agreed to keep it, and nothing has reached a server or a backup since {date}.',
    'risk.bodyNever':
      'The browser may delete it to free space: it has not agreed to keep it, and nothing has ever reached a server or a backup.',
    'risk.fix': 'Any of these protects it:',
    'risk.signIn': 'Sign in or check sync (Settings)',
    'longText.part': 'A long text, edited one part at a time: characters {from} to {to} of {total}.',
    'longText.previous': 'Previous part',
    'longText.next': 'Next part',
  },
  {
    'search.kind.mission': 'Misión',
    'search.kind.assessment': 'Evaluación',
    'search.kind.note': 'Nota',
    'search.kind.action': 'Acción',
    'search.searching': 'Buscando en notas, evaluaciones y acciones…',
    'search.foundIn': 'Encontrado en {title}',
    'search.more': '{count} más en esta misión: afina la búsqueda para verlos.',
    'risk.title': 'Tu trabajo solo está en este teléfono',
    'risk.body':
      'El navegador puede borrarlo para liberar espacio: no se ha comprometido a guardarlo, y nada ha llegado a un servidor ni a una copia de seguridad desde el {date}.',
    'risk.bodyNever':
      'El navegador puede borrarlo para liberar espacio: no se ha comprometido a guardarlo, y nada ha llegado nunca a un servidor ni a una copia de seguridad.',
    'risk.fix': 'Cualquiera de estas opciones lo protege:',
    'risk.signIn': 'Iniciar sesión o revisar la sincronización (Ajustes)',
    'longText.part': 'Un texto largo, que se edita por partes: caracteres {from} a {to} de {total}.',
    'longText.previous': 'Parte anterior',
    'longText.next': 'Parte siguiente',
  },
  {
    'search.kind.mission': 'Missió',
    'search.kind.assessment': 'Avaluació',
    'search.kind.note': 'Nota',
    'search.kind.action': 'Acció',
    'search.searching': 'Cercant a les notes, avaluacions i accions…',
    'search.foundIn': 'Trobat a {title}',
    'search.more': '{count} més en aquesta missió: afina la cerca per veure’ls.',
    'risk.title': 'La teva feina només és en aquest telèfon',
    'risk.body':
      'El navegador la pot esborrar per alliberar espai: no s’ha compromès a guardar-la, i res no ha arribat a un servidor ni a una còpia de seguretat des del {date}.',
    'risk.bodyNever':
      'El navegador la pot esborrar per alliberar espai: no s’ha compromès a guardar-la, i res no ha arribat mai a un servidor ni a una còpia de seguretat.',
    'risk.fix': 'Qualsevol d’aquestes opcions la protegeix:',
    'risk.signIn': 'Iniciar la sessió o revisar la sincronització (Configuració)',
    'longText.part': 'Un text llarg, que s’edita per parts: caràcters {from} a {to} de {total}.',
    'longText.previous': 'Part anterior',
    'longText.next': 'Part següent',
  },
  {
    'search.kind.mission': 'Missão',
    'search.kind.assessment': 'Avaliação',
    'search.kind.note': 'Nota',
    'search.kind.action': 'Ação',
    'search.searching': 'A pesquisar nas notas, avaliações e ações…',
    'search.foundIn': 'Encontrado em {title}',
    'search.more': 'Mais {count} nesta missão: refine a pesquisa para os ver.',
    'risk.title': 'O seu trabalho só está neste telefone',
    'risk.body':
      'O navegador pode apagá-lo para libertar espaço: não se comprometeu a guardá-lo, e nada chegou a um servidor nem a uma cópia de segurança desde {date}.',
    'risk.bodyNever':
      'O navegador pode apagá-lo para libertar espaço: não se comprometeu a guardá-lo, e nada chegou alguma vez a um servidor nem a uma cópia de segurança.',
    'risk.fix': 'Qualquer uma destas opções o protege:',
    'risk.signIn': 'Iniciar sessão ou verificar a sincronização (Definições)',
    'longText.part': 'Um texto longo, editado por partes: caracteres {from} a {to} de {total}.',
    'longText.previous': 'Parte anterior',
    'longText.next': 'Parte seguinte',
  },
);
