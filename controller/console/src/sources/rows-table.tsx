import type { SourceData } from '@baruga/protocol';
import { useLang, useT } from '../i18n/catalogue';
import { formatNumber } from '../i18n/format';
import { Data } from '../ui/feedback';

/** The first rows of a source, as its columns type them: numbers right-aligned, written the console's way. */
export function RowsTable({ data, name, limit }: { data: SourceData; name: string; limit: number }) {
  const t = useT();
  const lang = useLang();
  if (data.rows.length === 0) return <p className="bc-muted">{t('sourceNoRows')}</p>;
  const shown = data.rows.slice(0, limit);
  return (
    <div className="bd-rows">
      <table className="bc-table">
        <caption>{t('sourceRowsCaption', { name })}</caption>
        <thead>
          <tr>
            {data.columns.map((c) => (
              <th key={c.key} scope="col" className={c.type === 'number' ? 'bc-num' : undefined}>
                <Data>{c.label || c.key}</Data>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row, i) => (
            <tr key={i}>
              {data.columns.map((c) => {
                const value = row[c.key];
                return (
                  <td key={c.key} className={typeof value === 'number' ? 'bc-num' : undefined}>
                    <Data>{typeof value === 'number' ? formatNumber(value, lang, 2) : (value ?? '')}</Data>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="bc-muted">{t('sourceRowsShown', { shown: shown.length, n: data.rows.length })}</p>
    </div>
  );
}
