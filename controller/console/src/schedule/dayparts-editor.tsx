import type { Daypart, Weekday } from '@baruga/protocol';
import { type FormEvent, Fragment, useState } from 'react';
import { api } from '../api/client';
import { useLang, useT } from '../i18n/catalogue';
import { slugOf } from '../playlists/slug';
import { Data, ErrorNote } from '../ui/feedback';
import { TextField, TimeField } from '../ui/fields';
import { showTime } from '../ui/date-input';
import { WEEKDAYS } from './recurrence';
import { dayShort } from './repeat-editor';

/** Named time windows ("Jam kantor": Monday to Friday, 08.00–16.00) that events and announcements can use. */
export function DaypartsEditor({ dayparts, onSaved }: { dayparts: readonly Daypart[]; onSaved: () => void }) {
  const t = useT();
  const lang = useLang();
  const [name, setName] = useState('');
  const [days, setDays] = useState<Weekday[]>(['MO', 'TU', 'WE', 'TH', 'FR']);
  const [start, setStart] = useState<string | null>('08:00');
  const [end, setEnd] = useState<string | null>('16:00');
  const [tried, setTried] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!name.trim() || days.length === 0 || !start || !end) return;
    try {
      await api.createDaypart({ id: slugOf(name, 'bagian-hari'), name: name.trim(), windows: [{ days, start, end }] });
      setName('');
      setTried(false);
      setFailure(null);
      onSaved();
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <section className="bc-card" aria-labelledby="dayparts-title">
      <h2 id="dayparts-title">{t('dayparts')}</h2>
      {dayparts.length === 0 ? <p className="bc-muted">{t('noDayparts')}</p> : null}
      <ul className="bc-list">
        {dayparts.map((d) => (
          <li key={d.id} data-daypart={d.id}>
            <Data className="bc-list__main">{d.name}</Data>
            <span className="bc-muted">
              {d.windows.map((w, i) => (
                <span key={i}>
                  {i > 0 ? ' · ' : ''}
                  {w.days.map((x, j) => (
                    <Fragment key={x}>
                      {j > 0 ? ', ' : ''}
                      {t(dayShort(x))}
                    </Fragment>
                  ))}{' '}
                  <Data>{`${showTime(w.start, lang)}–${showTime(w.end, lang)}`}</Data>
                </span>
              ))}
            </span>
          </li>
        ))}
      </ul>
      <form className="bc-form" onSubmit={submit} noValidate aria-labelledby="daypart-new-title">
        <h3 id="daypart-new-title">{t('newDaypart')}</h3>
        <TextField
          label={t('daypartName')}
          name="daypart-name"
          value={name}
          onChange={setName}
          maxLength={120}
          error={tried && !name.trim() ? t('required') : null}
        />
        <fieldset className="bc-days">
          <legend>{t('repeatDays')}</legend>
          {WEEKDAYS.map((d) => (
            <label key={d} className="bc-check">
              <input
                type="checkbox"
                checked={days.includes(d)}
                onChange={(e) => setDays(e.target.checked ? [...days, d] : days.filter((x) => x !== d))}
              />
              <span>{t(dayShort(d))}</span>
            </label>
          ))}
          {tried && days.length === 0 ? <p className="bc-field__error">{t('pickDay')}</p> : null}
        </fieldset>
        <div className="bc-form__row">
          <TimeField label={t('startTime')} name="daypart-start" value={start} onChange={setStart} />
          <TimeField label={t('endTime')} name="daypart-end" value={end} onChange={setEnd} allow24 />
        </div>
        {failure ? <ErrorNote error={failure} /> : null}
        <button type="submit" className="bc-button bc-button--quiet">
          {t('addDaypart')}
        </button>
      </form>
    </section>
  );
}
