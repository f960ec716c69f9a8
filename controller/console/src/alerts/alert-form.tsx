import type { AlertTemplate, Screen } from '@baruga/protocol';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiFailure, api } from '../api/client';
import { useT } from '../i18n/catalogue';

/** An operator's alert: pick a template (words ready in both languages), the screens, how long; confirm; send. */
export function AlertForm({ screens, onSent }: { screens: Screen[]; onSent: () => void }) {
  const t = useT();
  const [templates, setTemplates] = useState<AlertTemplate[]>([]);
  const [template, setTemplate] = useState<AlertTemplate | null>(null);
  const [event, setEvent] = useState('');
  const [headline, setHeadline] = useState('');
  const [instruction, setInstruction] = useState('');
  const [en, setEn] = useState({ event: '', headline: '', instruction: '' });
  const [all, setAll] = useState(true);
  const [chosen, setChosen] = useState<string[]>([]);
  const [groups, setGroups] = useState('');
  const [minutes, setMinutes] = useState(30);
  const [sound, setSound] = useState(true);
  const [exercise, setExercise] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    api.alertTemplates().then(setTemplates, () => undefined);
  }, []);

  const pick = (id: string) => {
    const picked = templates.find((x) => x.id === id) ?? null;
    setTemplate(picked);
    if (!picked) return;
    setEvent(picked.event);
    setHeadline(picked.headline);
    setInstruction(picked.instruction);
    setEn(picked.en);
    setExercise(picked.id === 'latihan');
  };

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (!window.confirm(t('alertConfirm'))) return;
    const groupList = groups
      .split(',')
      .map((g) => g.trim())
      .filter(Boolean);
    try {
      const accepted = await api.createAlert({
        ...(template ? { template: template.id } : {}),
        severity: template?.severity ?? 'Severe',
        event,
        headline,
        instruction,
        ...(en.event || en.headline ? { en } : {}),
        targets: { all, screens: all ? [] : chosen, groups: all ? [] : groupList },
        expiresInMinutes: minutes,
        sound,
        exercise,
      });
      setMessage({ ok: true, text: `${t('alertNew')}: ${accepted.screens} ${t('screens').toLowerCase()}` });
      onSent();
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiFailure ? `${err.error.code}: ${err.message}` : String(err) });
    }
  };

  return (
    <form className="bc-form" onSubmit={send} aria-label={t('alertNew')}>
      <h3>{t('alertNew')}</h3>
      <label>
        {t('alertTemplate')}
        <select name="template" value={template?.id ?? ''} onChange={(e) => pick(e.target.value)}>
          <option value="">—</option>
          {templates.map((x) => (
            <option key={x.id} value={x.id}>
              {x.label.id} · {x.label.en}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('alertEvent')}
        <input name="event" required maxLength={200} value={event} onChange={(e) => setEvent(e.target.value)} />
      </label>
      <label>
        {t('alertHeadline')}
        <input name="headline" maxLength={300} value={headline} onChange={(e) => setHeadline(e.target.value)} />
      </label>
      <label>
        {t('alertInstruction')}
        <textarea
          name="instruction"
          rows={2}
          maxLength={2000}
          value={instruction}
          onChange={(e) => setInstruction(e.target.value)}
        />
      </label>
      <fieldset>
        <legend>{t('alertEnglish')}</legend>
        <input
          aria-label={`${t('alertEvent')} (en)`}
          value={en.event}
          onChange={(e) => setEn({ ...en, event: e.target.value })}
        />
        <input
          aria-label={`${t('alertHeadline')} (en)`}
          value={en.headline}
          onChange={(e) => setEn({ ...en, headline: e.target.value })}
        />
        <input
          aria-label={`${t('alertInstruction')} (en)`}
          value={en.instruction}
          onChange={(e) => setEn({ ...en, instruction: e.target.value })}
        />
      </fieldset>
      <label className="bc-check">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
        {t('alertAllScreens')}
      </label>
      {all ? null : (
        <fieldset>
          <legend>{t('screens')}</legend>
          {screens.map((s) => (
            <label key={s.id} className="bc-check">
              <input
                type="checkbox"
                checked={chosen.includes(s.id)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, s.id] : chosen.filter((c) => c !== s.id))}
              />
              {s.name}
            </label>
          ))}
          <label>
            {t('alertGroups')}
            <input value={groups} onChange={(e) => setGroups(e.target.value)} />
          </label>
        </fieldset>
      )}
      <div className="bc-form__row">
        <label>
          {t('alertMinutes')}
          <input
            type="number"
            min={1}
            max={1440}
            value={minutes}
            onChange={(e) => setMinutes(Number(e.target.value))}
          />
        </label>
        <label className="bc-check">
          <input type="checkbox" checked={sound} onChange={(e) => setSound(e.target.checked)} />
          {t('alertSound')}
        </label>
        <label className="bc-check">
          <input type="checkbox" checked={exercise} onChange={(e) => setExercise(e.target.checked)} />
          {t('alertExercise')}
        </label>
      </div>
      <button type="submit" className="bc-danger">
        {t('alertSend')}
      </button>
      {message ? <p className={message.ok ? 'bc-ok' : 'bc-error'}>{message.text}</p> : null}
    </form>
  );
}
