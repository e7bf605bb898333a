// Review dates as the reader's locale writes them; a date another device stored unreadably is left out.
import type { Translator } from '../../i18n/translate.ts';

export function formatWhen(iso: string, i18n: Pick<Translator, 'dateTime'>): string {
  return Number.isNaN(Date.parse(iso)) ? '' : i18n.dateTime(iso);
}
