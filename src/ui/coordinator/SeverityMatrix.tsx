// Cantons × sectors: the highest severity assessed, as a colour and its number, each cell a link to the
// assessments behind it. A table with headers; on a phone it scrolls sideways with the canton column held.
import { useId } from 'preact/hooks';
import { SECTORS } from '../../domain/codes.ts';
import type { MatrixRow } from '../../domain/desk/severity.ts';
import { useI18n } from '../i18n/context.tsx';
import { useMessages } from '../i18n/useMessages.ts';
import { severityMessages } from '../i18n/messages/severity.ts';
import { link } from '../routes.ts';

export function SeverityMatrix({ rows }: { rows: MatrixRow[] }) {
  const { code } = useI18n();
  const t = useMessages(severityMessages);
  const captionId = useId();
  if (rows.length === 0) return <p class="empty">{t('severity.matrix.empty')}</p>;
  return (
    <>
      {/* Above the table, not its caption: a caption scrolls sideways with the table on a phone. */}
      <p class="list__meta" id={captionId}>
        {t('severity.matrix.caption')}
      </p>
      {/* Focusable so that a keyboard can scroll it (the table is wider than a phone). */}
      <div class="sev-matrix" role="region" aria-label={t('severity.matrix.scroll')} tabIndex={0}>
        <table aria-describedby={captionId}>
          <caption class="sr-only">{t('severity.matrix.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('severity.matrix.canton')}</th>
              {SECTORS.map((sector) => (
                <th scope="col" key={sector} data-sector={sector}>
                  <span aria-hidden="true" title={code('sector', sector)}>
                    {t(`sectorShort.${sector}`)}
                  </span>
                  <span class="sr-only">{code('sector', sector)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.pcode} data-canton={row.pcode}>
                <th scope="row">
                  {row.name}
                  <span class="sev-matrix__pcode">{row.pcode}</span>
                </th>
                {SECTORS.map((sector) => {
                  const cell = row.cells[sector];
                  return (
                    <td key={sector} data-sector={sector}>
                      {cell ? (
                        <a
                          class={`sev-cell sev--${cell.highest}`}
                          href={link.severity({ canton: row.pcode, sector })}
                        >
                          <span aria-hidden="true">{cell.highest}</span>
                          <span class="sr-only">
                            {t('severity.cell', {
                              canton: row.name,
                              sector: code('sector', sector),
                              severity: cell.highest,
                              count: cell.assessments,
                            })}
                          </span>
                        </a>
                      ) : (
                        <span class="sev-cell sev-cell--none">
                          <span aria-hidden="true">–</span>
                          <span class="sr-only">{t('severity.cell.none')}</span>
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
