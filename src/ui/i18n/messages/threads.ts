// Strings of a review comment's thread (replies and "done" marks), loaded with the record and mission screens.
import { defineMessages } from '../define.ts';

/** Not a part of catalog.ts: the first screen never shows a thread. */
export const threadMessages = defineMessages(
  {
    'thread.heading': 'Comments from the review',
    'thread.byline': '{name}, {time}',
    'thread.replies': 'Replies',
    'thread.reply.label': 'Your reply',
    'thread.reply.hint': 'Up to {max} characters.',
    'thread.reply.submit': 'Send reply',
    'thread.reply.saved': 'Reply saved.',
    'thread.markDone': 'Mark as done',
    'thread.doneBy': 'Done: marked by {name} on {time}.',
    'thread.event.done': '{name} marked this as done, {time}',
    'thread.event.notDone': '{name} marked this as not done, {time}',
    'thread.decision.changesRequested': 'Changes requested: mark each comment as done once it is fixed.',
  },
  {
    'thread.heading': 'Comentarios de la revisión',
    'thread.byline': '{name}, {time}',
    'thread.replies': 'Respuestas',
    'thread.reply.label': 'Tu respuesta',
    'thread.reply.hint': 'Hasta {max} caracteres.',
    'thread.reply.submit': 'Enviar respuesta',
    'thread.reply.saved': 'Respuesta guardada.',
    'thread.markDone': 'Marcar como hecho',
    'thread.doneBy': 'Hecho: marcado por {name} el {time}.',
    'thread.event.done': '{name} lo marcó como hecho, {time}',
    'thread.event.notDone': '{name} lo marcó como no hecho, {time}',
    'thread.decision.changesRequested':
      'Se piden cambios: marca cada comentario como hecho cuando esté corregido.',
  },
  {
    'thread.heading': 'Comentaris de la revisió',
    'thread.byline': '{name}, {time}',
    'thread.replies': 'Respostes',
    'thread.reply.label': 'La teva resposta',
    'thread.reply.hint': 'Fins a {max} caràcters.',
    'thread.reply.submit': 'Envia la resposta',
    'thread.reply.saved': 'Resposta desada.',
    'thread.markDone': 'Marca com a fet',
    'thread.doneBy': 'Fet: marcat per {name} el {time}.',
    'thread.event.done': '{name} ho ha marcat com a fet, {time}',
    'thread.event.notDone': '{name} ho ha marcat com a no fet, {time}',
    'thread.decision.changesRequested':
      'Es demanen canvis: marca cada comentari com a fet quan estigui corregit.',
  },
  {
    'thread.heading': 'Comentários da revisão',
    'thread.byline': '{name}, {time}',
    'thread.replies': 'Respostas',
    'thread.reply.label': 'A sua resposta',
    'thread.reply.hint': 'Até {max} caracteres.',
    'thread.reply.submit': 'Enviar resposta',
    'thread.reply.saved': 'Resposta guardada.',
    'thread.markDone': 'Marcar como feito',
    'thread.doneBy': 'Feito: marcado por {name} em {time}.',
    'thread.event.done': '{name} marcou como feito, {time}',
    'thread.event.notDone': '{name} marcou como não feito, {time}',
    'thread.decision.changesRequested':
      'Foram pedidas alterações: marque cada comentário como feito quando estiver corrigido.',
  },
);

export type ThreadMessageKey = keyof typeof threadMessages.en;
