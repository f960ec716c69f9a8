import type { SourceData } from '@baruga/protocol';
import { useT } from '../i18n/catalogue';

/** The first rows of a source, as its columns type them. */
export function RowsTable({ data, limit }: { data: SourceData; limit: number }) {
  const t = useT();
  return (
    <div className="bc-rows">
      <p className="bc-muted">
        {data.rows.length} {t('sourceRows')}
      </p>
      <table>
        <thead>
          <tr>
            {data.columns.map((c) => (
              <th key={c.key} title={c.type}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.slice(0, limit).map((row, i) => (
            <tr key={i}>
              {data.columns.map((c) => (
                <td key={c.key} style={{ textAlign: c.type === 'number' ? 'right' : 'left' }}>
                  {typeof row[c.key] === 'number'
                    ? (row[c.key] as number).toLocaleString('id-ID')
                    : String(row[c.key] ?? '')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
