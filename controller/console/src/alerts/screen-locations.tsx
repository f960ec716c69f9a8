import type { Screen } from '@baruga/protocol';
import { useState } from 'react';
import { ApiFailure, api } from '../api/client';
import { useT } from '../i18n/catalogue';

const parse = (text: string) => {
  const [lat, lon] = text.split(',').map((n) => Number(n.trim()));
  return text.includes(',') && lat !== undefined && lon !== undefined && Math.abs(lat) <= 90 && Math.abs(lon) <= 180
    ? { lat, lon }
    : null;
};

/** Where each screen stands: alerts reach screens inside their area, and prayer times are computed for it. */
export function ScreenLocations({ screens, onChanged }: { screens: Screen[]; onChanged: () => void }) {
  const t = useT();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const save = (screen: Screen) => {
    const text = drafts[screen.id] ?? '';
    void api.setLocation(screen.id, text.trim() ? parse(text) : null).then(
      () => {
        setMessage(null);
        onChanged();
      },
      (e: unknown) => setMessage(e instanceof ApiFailure ? `${e.error.code}: ${e.message}` : String(e)),
    );
  };
  return (
    <details>
      <summary>{t('locations')}</summary>
      <p className="bc-muted">{t('locationHint')}</p>
      {screens.map((s) => (
        <div key={s.id} className="bc-form__row">
          <label>
            {s.name}
            <input
              value={drafts[s.id] ?? (s.location ? `${s.location.lat}, ${s.location.lon}` : '')}
              onChange={(e) => setDrafts({ ...drafts, [s.id]: e.target.value })}
            />
          </label>
          <button type="button" onClick={() => save(s)}>
            {t('locationSave')}
          </button>
        </div>
      ))}
      {message ? <p className="bc-error">{message}</p> : null}
    </details>
  );
}
