import type { GeoPoint, Screen } from '@baruga/protocol';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import { useT } from '../i18n/catalogue';
import { ErrorNote, Notice } from '../ui/feedback';
import { TextField } from '../ui/fields';

/** `-5.14, 119.42` as a point; empty is "no location"; anything else is not a location (undefined). */
export function parseLocation(text: string): GeoPoint | null | undefined {
  if (!text.trim()) return null;
  const parts = text.split(',').map((n) => n.trim());
  if (parts.length !== 2 || parts.some((p) => p === '')) return undefined;
  const [lat, lon] = parts.map(Number);
  if (lat === undefined || lon === undefined || !Number.isFinite(lat) || !Number.isFinite(lon)) return undefined;
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : undefined;
}

function LocationRow({ screen, onSaved }: { screen: Screen; onSaved: () => void }) {
  const t = useT();
  const stored = screen.location ? `${screen.location.lat}, ${screen.location.lon}` : '';
  const [draft, setDraft] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<'saved' | { error: unknown } | null>(null);
  const text = draft ?? stored;
  const parsed = parseLocation(text);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (parsed === undefined) return;
    try {
      await api.setLocation(screen.id, parsed);
      setDraft(null);
      setOutcome('saved');
      onSaved();
    } catch (error) {
      setOutcome({ error });
    }
  };
  return (
    <form className="bc-form bc-form--inline" onSubmit={save} noValidate data-screen={screen.id}>
      <TextField
        label={t('locationOf', { name: screen.name })}
        name={`location-${screen.id}`}
        value={text}
        placeholder="-5.14, 119.42"
        onChange={(v) => {
          setDraft(v);
          setOutcome(null);
        }}
        error={parsed === undefined ? t('locationBad') : null}
      />
      <button type="submit" className="bc-button bc-button--quiet" disabled={draft === null || parsed === undefined}>
        {t('locationSave')}
      </button>
      {outcome === 'saved' ? <Notice>{t('locationSaved', { name: screen.name })}</Notice> : null}
      {outcome && outcome !== 'saved' ? <ErrorNote error={outcome.error} /> : null}
    </form>
  );
}

/** Where each screen stands: alerts reach screens inside their area, and prayer times are worked out for it. */
export function ScreenLocations({ screens, onSaved }: { screens: Screen[]; onSaved: () => void }) {
  const t = useT();
  return (
    <section className="bc-card" aria-labelledby="locations-title">
      <h2 id="locations-title">{t('locationsTitle')}</h2>
      <p className="bc-muted">{t('locationsHelp')}</p>
      <div className="ba-locations">
        {screens.map((s) => (
          <LocationRow
            key={s.id + (s.location ? `${s.location.lat},${s.location.lon}` : '')}
            screen={s}
            onSaved={onSaved}
          />
        ))}
      </div>
    </section>
  );
}
