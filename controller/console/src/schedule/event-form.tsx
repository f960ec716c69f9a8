import {
  ANNOUNCEMENT_ID_PREFIX,
  type Daypart,
  type EventSummary,
  type LayoutView,
  type Overview,
  type PlaylistView,
  type SchedulePreview,
} from '@baruga/protocol';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import { useT } from '../i18n/catalogue';
import { TargetPicker, screensReached } from '../targets/target-picker';
import { Dialog } from '../ui/dialog';
import { ErrorNote, Notice } from '../ui/feedback';
import { CheckField, DateField, NumberField, SelectField, TextField, TimeField } from '../ui/fields';
import { type EventDraft, eventInput, eventProblems } from './event-draft';
import { RepeatEditor } from './repeat-editor';
import { DraftPreview } from './draft-preview';
import { knownZone, localDayRange } from './zoned-day';

export interface ScheduleData {
  overview: Overview;
  playlists: PlaylistView[];
  layouts: LayoutView[];
  dayparts: Daypart[];
  events: EventSummary[];
}

type SetField = <K extends keyof EventDraft>(key: K, value: EventDraft[K]) => void;

/** What, where, when and how often, and above what: the event's fields, each with its message. */
function EventFields({
  data,
  draft,
  set,
  setDraft,
  problems,
}: {
  data: ScheduleData;
  draft: EventDraft;
  set: SetField;
  setDraft: (update: (d: EventDraft) => EventDraft) => void;
  problems: readonly string[];
}) {
  const t = useT();
  const content = [
    { value: 'default', label: t('optionScreenLoop') },
    ...data.playlists
      .filter((p) => !p.id.startsWith(ANNOUNCEMENT_ID_PREFIX))
      .map((p) => ({ value: p.id, label: t('optionPlaylist', { name: p.name }) })),
    ...data.layouts.map((l) => ({ value: l.id, label: t('optionLayout', { name: l.name }) })),
  ];
  return (
    <div className="bc-event-form__fields">
      <TextField
        label={t('eventName')}
        name="event-name"
        value={draft.name}
        onChange={(v) => set('name', v)}
        maxLength={120}
        error={problems.includes('name') ? t('required') : null}
      />
      <SelectField
        label={t('whatToPlay')}
        name="event-content"
        value={draft.playlistId}
        onChange={(v) => set('playlistId', v)}
        error={problems.includes('playlist') ? t('pickOne') : null}
        options={[{ value: '', label: t('pickContent') }, ...content]}
      />
      <TargetPicker
        overview={data.overview}
        value={draft.targets}
        onChange={(v) => set('targets', v)}
        error={problems.includes('targets') ? t('pickTargets') : null}
      />
      <div className="bc-form__row">
        <DateField
          label={t('startDate')}
          name="event-date"
          value={draft.date}
          onChange={(v) => set('date', v)}
          required
        />
        <TimeField
          label={t('startTime')}
          name="event-start"
          value={draft.startTime}
          onChange={(v) => set('startTime', v)}
        />
        <TimeField
          label={t('endTime')}
          name="event-end"
          value={draft.endTime}
          onChange={(v) => set('endTime', v)}
          allow24
        />
      </div>
      <RepeatEditor
        repeat={draft.repeat}
        until={draft.until}
        problem={problems.includes('days')}
        onChange={(repeat, until) => setDraft((d) => ({ ...d, repeat, until }))}
      />
      <SelectField
        label={t('daypart')}
        name="event-daypart"
        value={draft.daypartId}
        onChange={(v) => set('daypartId', v)}
        options={[
          { value: '', label: t('noDaypart') },
          ...data.dayparts.map((d) => ({ value: d.id, label: d.name, data: true })),
        ]}
      />
      <div className="bc-form__row">
        <NumberField
          label={t('priority')}
          value={draft.priority}
          min={0}
          max={100}
          onChange={(v) => set('priority', v)}
          hint={t('priorityHint')}
        />
        <CheckField label={t('interrupt')} checked={draft.interrupt} onChange={(v) => set('interrupt', v)} />
        {draft.interrupt ? (
          <NumberField
            label={t('interruptSeconds')}
            value={draft.interruptSeconds}
            min={1}
            max={3600}
            onChange={(v) => set('interruptSeconds', v)}
          />
        ) : null}
        <CheckField label={t('enabled')} checked={draft.enabled} onChange={(v) => set('enabled', v)} />
      </div>
    </div>
  );
}

/**
 * Creates or changes an event. Nothing goes live while it is written: "Preview the change" shows a screen's day with
 * the draft in it, and the engine's warnings about it; "Go live" is a separate, explicit step, offered once the
 * draft as it stands has been previewed.
 */
export function EventForm({
  data,
  initial,
  editing,
  onClose,
  onLive,
}: {
  data: ScheduleData;
  initial: EventDraft;
  editing: string | null;
  onClose: () => void;
  onLive: () => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState(initial);
  const [tried, setTried] = useState(false);
  const [preview, setPreview] = useState<{ key: string; screenId: string; value: SchedulePreview } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [live, setLive] = useState<number | null>(null);
  const set = <K extends keyof EventDraft>(key: K, value: EventDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const problems = eventProblems(draft);
  const key = JSON.stringify(draft);
  const reached = screensReached(draft.targets, data.overview);
  const previewScreen = reached[0] ?? null;

  const runPreview = async () => {
    setTried(true);
    if (problems.length > 0 || !previewScreen || !draft.date) return;
    // The event's first day on the preview screen's own clock, midnight to midnight.
    const zone = knownZone(data.overview.screens.find((s) => s.screenId === previewScreen)?.timezone ?? '');
    const { start, end } = localDayRange(zone, Date.parse(`${draft.date}T00:00:00Z`));
    try {
      const value = await api.schedulePreview({
        screenId: previewScreen,
        from: new Date(start).toISOString(),
        to: new Date(end).toISOString(),
        event: eventInput(draft),
        replaces: editing,
      });
      setPreview({ key, screenId: previewScreen, value });
      setFailure(null);
    } catch (error) {
      setFailure(error);
    }
  };
  const goLive = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (problems.length > 0) return;
    try {
      const result = editing
        ? await api.updateEvent(editing, eventInput(draft))
        : await api.createEvent(eventInput(draft));
      setLive(result.republished.length);
      onLive();
    } catch (error) {
      setFailure(error);
    }
  };
  const previewed = preview?.key === key;

  return (
    <Dialog title={editing ? t('eventTitleEdit') : t('eventTitleNew')} onClose={onClose} wide>
      <form className="bc-event-form" onSubmit={goLive} noValidate>
        <EventFields data={data} draft={draft} set={set} setDraft={setDraft} problems={tried ? problems : []} />
        <div className="bc-event-form__preview">
          <p className="bc-banner bc-banner--info">{t('draftNotLive')}</p>
          <button type="button" className="bc-button" onClick={() => void runPreview()}>
            {t('previewChange')}
          </button>
          {preview && previewed ? (
            <DraftPreview
              preview={preview.value}
              screen={data.overview.screens.find((s) => s.screenId === preview.screenId) ?? null}
              data={data}
            />
          ) : null}
          {failure ? <ErrorNote error={failure} /> : null}
          {live !== null ? <Notice>{t('wentLive', { n: live })}</Notice> : null}
          <button type="submit" className="bc-button bc-button--primary" disabled={!previewed || live !== null}>
            {t('goLive')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
