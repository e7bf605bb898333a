// Labels of code lists, passed in by whoever knows the user's language: the domain stays free of translations.

/** The code lists whose codes exports carry; their labels are keyed `${list}.${code}` in the app's catalogue. */
export type CodeList =
  | 'sector'
  | 'theme'
  | 'missionStatus'
  | 'method'
  | 'actionStatus'
  | 'teamRole'
  | 'placard'
  | 'structure'
  | 'damageGrade'
  | 'sendai'
  | 'counterpartKind'
  | 'productKind';

export type LabelOf = (list: CodeList, code: string | number) => string;

/** Joins the members of a set or list in one cell, in a form spreadsheet users can split. */
export function joined(values: readonly (string | number)[]): string {
  return values.join('; ');
}
