// Strings about keeping photos on the device where the browser's storage refuses them.
import { defineMessages } from '../define.ts';

export const photoStorage = defineMessages(
  {
    'error.photoNotStored':
      'This browser would not keep the photo on this device, as happens in some private windows. ' +
      'Everything else is saved. Open Minga in a normal window to add photos.',
  },
  {
    'error.photoNotStored':
      'Este navegador no ha querido guardar la foto en este dispositivo, como pasa en algunas ventanas ' +
      'privadas. Todo lo demás está guardado. Abre Minga en una ventana normal para añadir fotos.',
  },
  {
    'error.photoNotStored':
      'Aquest navegador no ha volgut desar la foto en aquest dispositiu, com passa en algunes finestres ' +
      'privades. Tota la resta està desada. Obre Minga en una finestra normal per afegir fotos.',
  },
  {
    'error.photoNotStored':
      'Este navegador não quis guardar a fotografia neste dispositivo, como acontece em algumas janelas ' +
      'privadas. Tudo o resto está guardado. Abra o Minga numa janela normal para adicionar fotografias.',
  },
);
