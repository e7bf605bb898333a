// What a number field says when a typed number could be read two ways (see numbers.ts).
import { defineMessages } from '../define.ts';

export const numbers = defineMessages(
  {
    'validation.ambiguousNumber':
      'Unclear number: the separator could mark thousands or decimals. Write it without separators, for example 1200.',
  },
  {
    'validation.ambiguousNumber':
      'Número poco claro: el separador podría marcar miles o decimales. Escríbelo sin separadores, por ejemplo 1200.',
  },
  {
    'validation.ambiguousNumber':
      'Nombre poc clar: el separador podria marcar milers o decimals. Escriu-lo sense separadors, per exemple 1200.',
  },
  {
    'validation.ambiguousNumber':
      'Número pouco claro: o separador pode marcar milhares ou decimais. Escreva-o sem separadores, por exemplo 1200.',
  },
);
