// Strings of the severity screen's way in (home, Settings) and of the map tile setting.
import { defineMessages } from '../define.ts';

export const desk = defineMessages(
  {
    'nav.severity': 'Severity at a glance',
    'nav.desk': 'Coordinator’s desk',
    'settings.tiles.heading': 'Map background',
    'settings.tiles.save': 'Save map background',
    'settings.tiles.label': 'Map tile address',
    'settings.tiles.hint':
      'An address of raster map tiles with z, x and y in braces. Leave it empty for the default (OpenStreetMap). The server must allow its host.',
    'settings.tiles.invalid': 'Not a tile address: it needs http or https and z, x and y in braces.',
  },
  {
    'nav.severity': 'Severidad de un vistazo',
    'nav.desk': 'Mesa de coordinación',
    'settings.tiles.heading': 'Fondo del mapa',
    'settings.tiles.save': 'Guardar el fondo del mapa',
    'settings.tiles.label': 'Dirección de las teselas del mapa',
    'settings.tiles.hint':
      'Una dirección de teselas ráster con z, x e y entre llaves. Déjala vacía para usar la predeterminada (OpenStreetMap). El servidor debe permitir su dominio.',
    'settings.tiles.invalid':
      'No es una dirección de teselas: necesita http o https y z, x e y entre llaves.',
  },
  {
    'nav.severity': 'Severitat d’un cop d’ull',
    'nav.desk': 'Taula de coordinació',
    'settings.tiles.heading': 'Fons del mapa',
    'settings.tiles.save': 'Desa el fons del mapa',
    'settings.tiles.label': 'Adreça de les tessel·les del mapa',
    'settings.tiles.hint':
      'Una adreça de tessel·les ràster amb z, x i y entre claus. Deixa-la buida per fer servir la predeterminada (OpenStreetMap). El servidor n’ha de permetre el domini.',
    'settings.tiles.invalid':
      'No és una adreça de tessel·les: necessita http o https i z, x i y entre claus.',
  },
  {
    'nav.severity': 'Gravidade num relance',
    'nav.desk': 'Mesa de coordenação',
    'settings.tiles.heading': 'Fundo do mapa',
    'settings.tiles.save': 'Guardar o fundo do mapa',
    'settings.tiles.label': 'Endereço dos mosaicos do mapa',
    'settings.tiles.hint':
      'Um endereço de mosaicos raster com z, x e y entre chavetas. Deixe-o vazio para usar o predefinido (OpenStreetMap). O servidor tem de permitir o respetivo domínio.',
    'settings.tiles.invalid':
      'Não é um endereço de mosaicos: precisa de http ou https e de z, x e y entre chavetas.',
  },
);
