// Downloads the year's accounts as CSV, in the reader's language, with the codes beside the labels. The CSV
// writer loads on the first tap.
import type { YearAccounts } from '../../../domain/accounts/indicators.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useI18n } from '../../i18n/context.tsx';
import { downloadBlob } from '../download.ts';

const SECTION: Record<string, MessageKey> = {
  execution: 'accounts.section.execution',
  budget: 'accounts.section.budget',
  status: 'accounts.section.status',
  themes: 'accounts.section.themes',
  sdgGoals: 'accounts.section.sdgGoals',
  sdgTargets: 'accounts.section.sdgTargets',
  sendai: 'accounts.section.sendai',
};

export function AccountsCsvButton({ accounts }: { accounts: YearAccounts }) {
  const { t, code } = useI18n();
  const download = async () => {
    const [{ accountsTable }, { toCsv }] = await Promise.all([
      import('../../../domain/accounts/table.ts'),
      import('../../../domain/export/csv.ts'),
    ]);
    const table = accountsTable(accounts, {
      section: (key) => (SECTION[key] ? t(SECTION[key]) : key),
      figure: (key) => t(`accounts.${key}` as MessageKey),
      code,
    });
    downloadBlob(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }), table.name);
  };
  return (
    <button type="button" class="button no-print" onClick={() => void download()}>
      {t('accounts.csv')}
    </button>
  );
}
