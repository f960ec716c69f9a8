import { contentEditors } from '@baruga/content/browser';
import { getContentType } from '@baruga/content';
import { type FormEvent, useState } from 'react';
import { ApiFailure, api } from '../api/client';
import { useT } from '../i18n/catalogue';

/** The data widgets an operator can add to a screen's loop from here, with their content type's own form. */
const WIDGETS = [
  'kpi',
  'chart',
  'table',
  'prayer-times',
  'apbd-dashboard',
  'complaints-dashboard',
  'chart-3d',
] as const;

export function WidgetForm({ screenId, onChanged }: { screenId: string; onChanged: () => void }) {
  const t = useT();
  const [type, setType] = useState<(typeof WIDGETS)[number]>('kpi');
  const [props, setProps] = useState<unknown>(() => getContentType('kpi')?.defaults);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const definition = getContentType(type);
  const Editor = contentEditors[type];

  const choose = (next: (typeof WIDGETS)[number]) => {
    setType(next);
    setProps(getContentType(next)?.defaults);
  };
  const add = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api.addItem(screenId, { type, props: props as Record<string, unknown> });
      const published = await api.publish(screenId);
      setMessage({ ok: true, text: `${t('publishedOk')} ${published.version}` });
      onChanged();
    } catch (e) {
      setMessage({ ok: false, text: e instanceof ApiFailure ? `${e.error.code}: ${e.message}` : String(e) });
    }
  };

  return (
    <form className="bc-form" onSubmit={add} aria-label={t('widgetAdd')}>
      <h3>{t('widgetAdd')}</h3>
      <label>
        {t('widgetType')}
        <select value={type} onChange={(e) => choose(e.target.value as (typeof WIDGETS)[number])}>
          {WIDGETS.map((w) => (
            <option key={w} value={w}>
              {getContentType(w)?.label.id} · {getContentType(w)?.label.en}
            </option>
          ))}
        </select>
      </label>
      {Editor && definition ? (
        <Editor key={type} value={props as never} onChange={(next: unknown) => setProps(next)} />
      ) : null}
      <button type="submit">{t('widgetAddPublish')}</button>
      {message ? <p className={message.ok ? 'bc-ok' : 'bc-error'}>{message.text}</p> : null}
    </form>
  );
}
