import { getContentType } from '@baruga/content';
import type { PlaySummary } from '@baruga/protocol';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import { useLoad } from '../api/live';
import { useLang, useT } from '../i18n/catalogue';
import { DEFAULT_ZONE, formatDate, formatNumber, formatTime, localDateTime } from '../i18n/format';
import { Data, ErrorNote, Loading, Notice } from '../ui/feedback';
import { DateField, SelectField } from '../ui/fields';
import { nextDay } from '../ui/date-input';
import { instantOfLocal } from '../i18n/format';
import { PlaysChart } from './plays-chart';
import './reports.css';

interface Query {
  from: string;
  to: string;
  screen: string;
  by: 'day' | 'hour';
}

/** `2026-12-06` or `2026-12-06T08:00` (a period in WITA, as the API names it) as people write it. */
function usePeriodLabel(by: 'day' | 'hour') {
  const lang = useLang();
  return (period: string) => {
    const at = Date.parse(`${period.length === 10 ? `${period}T00:00` : period}:00Z`);
    return by === 'day' ? formatDate(at, 'UTC', lang) : `${formatDate(at, 'UTC', lang)} ${formatTime(at, 'UTC', lang)}`;
  };
}

function ReportTable({ summary, by }: { summary: PlaySummary; by: 'day' | 'hour' }) {
  const t = useT();
  const lang = useLang();
  const label = usePeriodLabel(by);
  const plays = summary.rows.reduce((n, r) => n + r.plays, 0);
  const ms = summary.rows.reduce((n, r) => n + r.totalMs, 0);
  const duration = (total: number) => t('seconds', { n: formatNumber(Math.round(total / 1000), lang) });
  return (
    <>
      <p>{t('totals', { plays: formatNumber(plays, lang), duration: duration(ms) })}</p>
      <table className="bc-table" data-testid="pop-report">
        <caption>{t('tableTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colPeriod')}</th>
            <th scope="col">{t('colScreen')}</th>
            <th scope="col">{t('colItem')}</th>
            <th scope="col">{t('colType')}</th>
            <th scope="col">{t('colPlays')}</th>
            <th scope="col">{t('colDuration')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.rows.map((r) => (
            <tr key={`${r.period}-${r.screenId}-${r.itemId}`}>
              <td>
                <Data>{label(r.period)}</Data>
              </td>
              <td>
                <Data>{r.screenName ?? r.screenId}</Data>
              </td>
              <td>{r.itemName ? <Data>{r.itemName}</Data> : <span className="bc-muted">{t('itemGone')}</span>}</td>
              <td>{getContentType(r.itemType)?.label[lang] ?? t('unknownType')}</td>
              <td className="bc-num">
                <Data>{formatNumber(r.plays, lang)}</Data>
              </td>
              <td className="bc-num">{duration(r.totalMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Proof of play by screen, item and period: a chart, a table, and the same as a CSV file. */
export function ReportsPage() {
  const t = useT();
  const lang = useLang();
  const [today] = useState(() => localDateTime(Date.now(), DEFAULT_ZONE).slice(0, 10));
  const [draft, setDraft] = useState<{ from: string | null; to: string | null; screen: string; by: 'day' | 'hour' }>({
    from: today,
    to: today,
    screen: '',
    by: 'day',
  });
  const [query, setQuery] = useState<Query>({ from: today, to: today, screen: '', by: 'day' });
  const [csv, setCsv] = useState<'done' | { error: unknown } | null>(null);
  const range = (q: Query) => ({
    by: q.by,
    from: new Date(instantOfLocal(`${q.from}T00:00`, DEFAULT_ZONE)).toISOString(),
    to: new Date(instantOfLocal(`${nextDay(q.to)}T00:00`, DEFAULT_ZONE)).toISOString(),
    ...(q.screen ? { screen: q.screen } : {}),
  });
  const { loaded, reload } = useLoad(
    () => Promise.all([api.summary(range(query)), api.screens()]),
    [query.from, query.to, query.screen, query.by],
    ['plays'],
  );
  const screens = loaded.state === 'ok' ? loaded.value[1] : [];
  const problem = !draft.from || !draft.to ? 'badDate' : draft.to < draft.from ? 'reportRange' : null;
  const show = (e: FormEvent) => {
    e.preventDefault();
    if (problem || !draft.from || !draft.to) return;
    setQuery({ from: draft.from, to: draft.to, screen: draft.screen, by: draft.by });
  };
  const download = async () => {
    setCsv(null);
    try {
      const blob = await api.summaryCsv({ ...range(query), lang });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `bukti-tayang-${query.from}-${query.to}.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setCsv('done');
    } catch (error) {
      setCsv({ error });
    }
  };
  const periodLabel = usePeriodLabel(query.by);
  return (
    <section className="bc-page" aria-labelledby="reports-title">
      <div className="bc-page__head">
        <h1 id="reports-title" tabIndex={-1}>
          {t('reportsTitle')}
        </h1>
      </div>
      <form className="bc-card bc-filters" onSubmit={show} noValidate>
        <DateField
          label={t('reportFrom')}
          name="report-from"
          value={draft.from}
          onChange={(from) => setDraft({ ...draft, from })}
          required
        />
        <DateField
          label={t('reportTo')}
          name="report-to"
          value={draft.to}
          onChange={(to) => setDraft({ ...draft, to })}
          required
        />
        <SelectField
          label={t('reportScreen')}
          name="report-screen"
          value={draft.screen}
          onChange={(screen) => setDraft({ ...draft, screen })}
          options={[
            { value: '', label: t('allScreens') },
            ...screens.map((s) => ({ value: s.id, label: s.name, data: true })),
          ]}
        />
        <SelectField
          label={t('reportBy')}
          name="report-by"
          value={draft.by}
          onChange={(by) => setDraft({ ...draft, by })}
          options={[
            { value: 'day', label: t('byDay') },
            { value: 'hour', label: t('byHour') },
          ]}
        />
        <button type="submit" className="bc-button">
          {t('showReport')}
        </button>
        <button type="button" className="bc-button bc-button--quiet" onClick={() => void download()}>
          {t('downloadCsv')}
        </button>
        {problem === 'reportRange' ? <p className="bc-field__error">{t('reportRange')}</p> : null}
      </form>
      <p className="bc-muted">{t('reportPeriodNote')}</p>
      {csv === 'done' ? <Notice>{t('csvDownloaded')}</Notice> : null}
      {csv && csv !== 'done' ? <ErrorNote error={csv.error} /> : null}
      {loaded.state === 'loading' ? <Loading /> : null}
      {loaded.state === 'error' ? <ErrorNote error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ok' ? (
        loaded.value[0].rows.length === 0 ? (
          <p className="bc-empty">{t('noPlays')}</p>
        ) : (
          <section className="bc-card">
            <PlaysChart rows={loaded.value[0].rows} periodLabel={periodLabel} />
            <ReportTable summary={loaded.value[0]} by={query.by} />
          </section>
        )
      ) : null}
    </section>
  );
}
