// What read-only screens say where others find edit controls: why nothing can be changed, and what is empty.
import { defineMessages } from '../define.ts';

export const access = defineMessages(
  {
    'readOnly.observer': 'You are signed in as an observer: you can read this mission but not change it.',
    'readOnly.observerNoNewMission':
      'You are signed in as an observer: you can read the missions shared with you but not create new ones.',
    'note.gps.none': 'No position recorded.',
    'note.links.none': 'No linked records.',
    'missions.emptyObserver':
      'No missions shared with you yet. The missions a coordinator assigns to you appear here once this device connects to the server.',
  },
  {
    'readOnly.observer':
      'Has iniciado sesión como observador/a: puedes leer esta misión, pero no modificarla.',
    'readOnly.observerNoNewMission':
      'Has iniciado sesión como observador/a: puedes leer las misiones compartidas contigo, pero no crear otras nuevas.',
    'note.gps.none': 'No se registró ninguna posición.',
    'note.links.none': 'No hay registros vinculados.',
    'missions.emptyObserver':
      'Todavía no se ha compartido ninguna misión contigo. Las misiones que te asigne la coordinación aparecerán aquí cuando este dispositivo se conecte al servidor.',
  },
  {
    'readOnly.observer':
      'Has iniciat la sessió com a observador/a: pots llegir aquesta missió, però no modificar-la.',
    'readOnly.observerNoNewMission':
      'Has iniciat la sessió com a observador/a: pots llegir les missions compartides amb tu, però no en pots crear de noves.',
    'note.gps.none': 'No s’ha registrat cap posició.',
    'note.links.none': 'No hi ha registres vinculats.',
    'missions.emptyObserver':
      'Encara no s’ha compartit cap missió amb tu. Les missions que t’assigni la coordinació apareixeran aquí quan aquest dispositiu es connecti al servidor.',
  },
  {
    'readOnly.observer': 'Iniciou sessão como observador/a: pode ler esta missão, mas não a pode alterar.',
    'readOnly.observerNoNewMission':
      'Iniciou sessão como observador/a: pode ler as missões partilhadas consigo, mas não criar novas.',
    'note.gps.none': 'Nenhuma posição registada.',
    'note.links.none': 'Sem registos ligados.',
    'missions.emptyObserver':
      'Ainda não há missões partilhadas consigo. As missões que a coordenação lhe atribuir aparecem aqui quando este dispositivo se ligar ao servidor.',
  },
);
