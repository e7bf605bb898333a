// What the demo programme's records say: titles, objectives, field notes in Spanish and Catalan, actions, comments.
import type { Theme } from '../../domain/codes.ts';

/** What a mission works on, by theme, with its article (a title drops it). */
export const MISSION_SUBJECTS: Readonly<Record<Theme, readonly string[]>> = {
  urban_planning: [
    'el plan de reconstrucción del casco urbano',
    'la ordenanza de uso del suelo en zonas de riesgo',
    'el catastro de viviendas afectadas',
    'el reasentamiento de familias en zonas seguras',
    'el diseño participativo del espacio público',
  ],
  local_economic_development: [
    'la reactivación del mercado municipal',
    'el apoyo a la asociación de pescadores artesanales',
    'el plan de turismo comunitario tras el terremoto',
    'la feria de emprendimientos locales',
  ],
  environmental_management: [
    'la gestión de escombros y residuos de demolición',
    'el plan de agua potable y saneamiento',
    'el cierre técnico del botadero municipal',
    'la protección del manglar y la cuenca',
  ],
  coastal_risk: [
    'el mapa de amenazas por tsunami e inundación',
    'las rutas de evacuación y puntos de encuentro',
    'el sistema de alerta temprana costera',
    'el refuerzo del malecón y la línea de costa',
  ],
  governance: [
    'el fortalecimiento de la unidad de gestión de riesgos',
    'el sistema de información municipal',
    'el presupuesto participativo de la reconstrucción',
    'el procedimiento de licencias de construcción',
  ],
};

export const PRODUCTS = [
  'Informe de diagnóstico',
  'Plan de mejora',
  'Informe final',
  'Ordenanza municipal (borrador)',
  'Mapa de riesgos',
  'Talleres con funcionarios',
];

export function objectivesText(canton: string, subject: string): string {
  return [
    `Objetivo general: acompañar al GAD municipal de ${canton} en ${subject}.`,
    '',
    'Objetivos específicos:',
    '1. Levantar un diagnóstico compartido con el equipo técnico municipal.',
    '2. Acordar un plan de acción con responsables y plazos.',
    '3. Transferir herramientas y metodología al personal del GAD.',
  ].join('\n');
}

export function torText(canton: string, subject: string): string {
  return (
    `El GAD municipal de ${canton}, a través de AME, solicita asistencia técnica para ${subject}. ` +
    'Tras el terremoto del 16 de abril de 2016 la capacidad técnica municipal está desbordada. ' +
    'Productos esperados: informe de diagnóstico, plan de mejora e informe final. ' +
    'Actividades previstas: visitas de campo, tres talleres con funcionarios y reuniones con la población.'
  );
}

export const ASSESSMENT_SITES = [
  'Barrio',
  'Sector',
  'Albergue',
  'Unidad educativa',
  'Mercado',
  'Malecón de',
  'Centro de salud de',
  'Ciudadela',
];

export const SITE_REASONS = [
  'Zona con mayor concentración de viviendas colapsadas según el GAD.',
  'Albergue temporal con más familias registradas.',
  'Barrio en zona de inundación señalado por la unidad de riesgos.',
  'Equipamiento público esencial cerrado desde el terremoto.',
  'Solicitud expresa del comité barrial.',
];

export const SECTOR_NOTES = [
  'Daños visibles en la red; servicio intermitente.',
  'Familias alojadas con parientes o en carpas.',
  'Aulas temporales insuficientes para la matrícula.',
  'Atención desplazada a una carpa junto al centro.',
  'Pozos sépticos desbordados tras las lluvias.',
  'Acceso cortado por escombros en dos calles.',
  'Comercio local parado; pérdida de ingresos.',
  '',
];

export const PRIORITIES = [
  'Agua segura',
  'Vivienda temporal',
  'Retiro de escombros',
  'Reapertura de la escuela',
  'Letrinas y saneamiento',
  'Empleo temporal',
  'Atención psicosocial',
  'Iluminación pública',
  'Rutas de evacuación',
];

export const GAPS = [
  'No hay datos desagregados por sexo y edad en el albergue.',
  'El catastro municipal anterior al terremoto está incompleto.',
  'Faltan cifras oficiales de familias reubicadas.',
  'Sin información reciente sobre la calidad del agua.',
];

export const RECOMMENDATIONS = [
  'Priorizar la inspección de las viviendas con placa amarilla antes del invierno.',
  'Coordinar con el MIDUVI la entrega de bonos de reconstrucción.',
  'Instalar puntos de agua segura en el albergue y clorar los tanques.',
  'Incluir a la población en el diseño de las rutas de evacuación.',
  'Formar al personal municipal en inspección rápida de edificaciones.',
];

export const BUILDING_USES = [
  'vivienda',
  'vivienda y comercio',
  'escuela',
  'centro de salud',
  'mercado',
  'iglesia',
];

/** Field note openings and bodies, in the languages the technicians write in. */
export const NOTE_TEXTS: Readonly<
  Record<'es' | 'ca', { openings: readonly string[]; bodies: readonly string[] }>
> = {
  es: {
    openings: [
      'Reunión con {who} sobre el plan de trabajo.',
      'Visita de campo con {who}.',
      'Taller con funcionarios del GAD y {who}.',
      'Entrevista con {who}.',
      'Recorrido por el barrio con {who}.',
    ],
    bodies: [
      'Se revisan los mapas de amenaza y se acuerda priorizar las zonas bajas junto al estero.',
      'El GAD no dispone de cartografía actualizada; se acuerda compartir la del IGM.',
      'Muchas viviendas de hormigón armado presentan daños en columnas de planta baja.',
      'La población pide información clara sobre los bonos de reconstrucción.',
      'Se acuerda un calendario de talleres con el equipo de planificación.',
      'El albergue acoge a unas 80 familias; el agua llega en tanquero dos veces por semana.',
      'Se identifican tres terrenos municipales para reasentamiento, pendientes de estudio de suelos.',
      'La unidad de riesgos cuenta con dos técnicos y ningún vehículo propio.',
    ],
  },
  ca: {
    openings: [
      'Reunió amb {who} sobre el pla de treball.',
      'Visita de camp amb {who}.',
      'Taller amb el personal del GAD i {who}.',
      'Entrevista amb {who}.',
    ],
    bodies: [
      "Revisem els mapes d'amenaça i acordem prioritzar les zones baixes del costat de l'estuari.",
      "L'equip municipal demana suport per redactar l'ordenança d'usos del sòl.",
      'Moltes cases de formigó armat tenen danys als pilars de planta baixa.',
      'Acordem compartir les plantilles de fitxes d’inspecció que fem servir a Catalunya.',
      "Falta informació actualitzada sobre la xarxa d'aigua; caldrà una visita amb l'empresa municipal.",
      'Preparem la presentació per a la reunió amb AME de divendres.',
    ],
  },
};

export const NOTE_TAGS = [
  'reunión',
  'visita',
  'taller',
  'vivienda',
  'agua',
  'escombros',
  'riesgos',
  'AME',
  'PNUD',
  'seguimiento',
];

export const ACTIVITIES = [
  'Entregar el informe de diagnóstico al GAD',
  'Taller de inspección rápida de edificaciones',
  'Revisar el borrador de ordenanza de uso del suelo',
  'Actualizar el mapa de amenazas con el GAD',
  'Señalizar rutas de evacuación en el malecón',
  'Acompañar en remoto la licitación de obras',
  'Sesión de seguimiento por videoconferencia',
  'Formar al equipo de catastro en SIG',
  'Presentar el plan de acción al concejo municipal',
  'Recoger datos del albergue desagregados por sexo y edad',
];

export const DECISION_NOTES = {
  approved: ['Informe completo; gracias al equipo.', 'Aprobado. Buen trabajo con el GAD.', ''],
  changesRequested: [
    'Faltan los datos desagregados de las evaluaciones.',
    'Revisad las fechas de las acciones antes de cerrar.',
    'Completad las recomendaciones con responsables.',
  ],
} as const;

export const COMMENTS = {
  mission: [
    'Buen resumen de objetivos.',
    'Indicad los días de soporte remoto previstos.',
    'Falta el presupuesto ejecutado.',
  ],
  assessment: [
    '¿Se ha contrastado la cifra de personas afectadas con el GAD?',
    'Añadid la fuente de las cifras de población.',
    'Severidad coherente con las fotos.',
    'Indicad por qué se eligió este sitio.',
  ],
  note: [
    'Muy útil para el informe final.',
    'Convendría enlazar esta nota con la evaluación.',
    'Anotad los acuerdos con fecha y responsable.',
  ],
  action: [
    '¿Quién hace el seguimiento de esta acción?',
    'Fecha poco realista; revisadla con el GAD.',
    'Vincular con el producto de los TdR.',
  ],
} as const;

export const CAPTIONS = [
  'Fisura diagonal en muro de planta baja',
  'Columna con el hormigón desprendido',
  'Escombros en la calzada',
  'Vivienda con placa amarilla',
  'Fachada del mercado municipal',
  'Tanque de agua del albergue',
];

/** A subject as a title: without its article, capitalised. */
export function subjectTitle(subject: string): string {
  const bare = subject.replace(/^(?:el|la|los|las) /, '');
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}
