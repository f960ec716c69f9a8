import type { CreateLoopItem } from '@baruga/protocol';
import { TEXT_BODY_MAX, TEXT_TITLE_MAX } from '@baruga/content';
import { type FormEvent, useState } from 'react';
import { useT } from '../i18n/catalogue';

export function AnnouncementForm({
  onSubmit,
}: {
  onSubmit: (item: Omit<CreateLoopItem, 'sample'>) => Promise<boolean>;
}) {
  const t = useT();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [bodyEn, setBodyEn] = useState('');
  const [seconds, setSeconds] = useState(10);
  const [warning, setWarning] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await onSubmit({
      type: 'text',
      durationMs: Math.round(seconds * 1000),
      props: {
        ...(title.trim() ? { title } : {}),
        body,
        ...(bodyEn.trim() ? { en: { ...(titleEn.trim() ? { title: titleEn } : {}), body: bodyEn } } : {}),
        tone: warning ? 'warning' : 'info',
      },
    });
    if (ok) {
      setTitle('');
      setBody('');
      setTitleEn('');
      setBodyEn('');
    }
  };

  return (
    <form className="bc-form" onSubmit={submit}>
      <h3>{t('writeAnnouncement')}</h3>
      <label>
        {t('title')}
        <input name="title" maxLength={TEXT_TITLE_MAX} value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label>
        {t('body')}
        <textarea
          name="body"
          required
          maxLength={TEXT_BODY_MAX}
          rows={3}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
      </label>
      <label>
        {t('titleEn')}
        <input name="titleEn" maxLength={TEXT_TITLE_MAX} value={titleEn} onChange={(e) => setTitleEn(e.target.value)} />
      </label>
      <label>
        {t('bodyEn')}
        <textarea
          name="bodyEn"
          maxLength={TEXT_BODY_MAX}
          rows={2}
          value={bodyEn}
          onChange={(e) => setBodyEn(e.target.value)}
        />
      </label>
      <div className="bc-form__row">
        <label>
          {t('duration')}
          <input
            name="duration"
            type="number"
            min={2}
            max={600}
            value={seconds}
            onChange={(e) => setSeconds(Number(e.target.value))}
          />
        </label>
        <label className="bc-check">
          <input type="checkbox" checked={warning} onChange={(e) => setWarning(e.target.checked)} />
          {t('warningTone')}
        </label>
      </div>
      <button type="submit">{t('addAndPublish')}</button>
    </form>
  );
}
