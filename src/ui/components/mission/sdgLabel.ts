// How an SDG goal or target is named in the user's language, for the form and the read views alike.
import { SDGS } from '../../../domain/codes.ts';
import type { Translator } from '../../i18n/translate.ts';

export const isGoal = (code: string): boolean => SDGS.some((goal) => String(goal) === code);

/** A goal or target as the language names it: its own label when it has one, else "Target 6.1". */
export function sdgLabel(translator: Pick<Translator, 't' | 'code'>, sdg: string): string {
  const label = translator.code('sdg', sdg);
  return label === sdg && !isGoal(sdg) ? translator.t('sdg.target', { target: sdg }) : label;
}
