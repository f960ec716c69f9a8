import type { Daypart, Overview } from '@baruga/protocol';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import { useNow } from '../api/live';
import { useT } from '../i18n/catalogue';
import { DEFAULT_ZONE, localDateTime, zoneLabel } from '../i18n/format';
import { PlayerPreview } from '../preview/player-preview';
import { TargetPicker, screensReached } from '../targets/target-picker';
import { ErrorNote, Notice } from '../ui/feedback';
import { CheckField, DateField, SelectField, TextField, TimeField } from '../ui/fields';
import {
  type AnnouncementDraft,
  announcementRequest,
  draftProblems,
  emptyDraft,
  previewItem,
} from './announcement-draft';

type Set = <K extends keyof AnnouncementDraft>(key: K, value: AnnouncementDraft[K]) => void;

/** When it starts and ends: now or later; until ended, until a time, or for a daypart of that day. */
function WhenFields({
  draft,
  set,
  dayparts,
  problems,
  tried,
}: {
  draft: AnnouncementDraft;
  set: Set;
  dayparts: readonly Daypart[];
  problems: readonly string[];
  tried: boolean;
}) {
  const t = useT();
  const show = (p: string) => tried && problems.includes(p);
  return (
    <div className="bc-when">
      <SelectField
        label={t('whenStart')}
        name="start-mode"
        value={draft.startMode}
        onChange={(v) => set('startMode', v)}
        options={[
          { value: 'now', label: t('startNow') },
          { value: 'at', label: t('startLater') },
        ]}
      />
      {draft.startMode === 'at' ? (
        <div className="bc-form__row">
          <DateField
            label={t('startDate')}
            name="start-date"
            value={draft.startDate}
            onChange={(v) => set('startDate', v)}
            required
          />
          <TimeField
            label={t('startTime')}
            name="start-time"
            value={draft.startTime}
            onChange={(v) => set('startTime', v)}
          />
        </div>
      ) : null}
      <SelectField
        label={t('whenEnd')}
        name="end-mode"
        value={draft.endMode}
        onChange={(v) => set('endMode', v)}
        options={[
          { value: 'manual', label: t('endManual') },
          { value: 'at', label: t('endAt') },
          { value: 'daypart', label: t('endDaypart') },
        ]}
      />
      {draft.endMode === 'at' ? (
        <div className="bc-form__row">
          <DateField
            label={t('endDate')}
            name="end-date"
            value={draft.endDate}
            onChange={(v) => set('endDate', v)}
            required
          />
          <TimeField
            label={t('endTimeLabel')}
            name="end-time"
            value={draft.endTime}
            onChange={(v) => set('endTime', v)}
          />
        </div>
      ) : null}
      {draft.endMode === 'daypart' ? (
        dayparts.length === 0 ? (
          <p className="bc-note">{t('noDaypartsYet')}</p>
        ) : (
          <SelectField
            label={t('pickDaypart')}
            name="daypart"
            value={draft.daypartId}
            onChange={(v) => set('daypartId', v)}
            error={show('daypart') ? t('pickOne') : null}
            options={[
              { value: '', label: t('pickDaypart') },
              ...dayparts.map((d) => ({ value: d.id, label: d.name, data: true })),
            ]}
          />
        )
      ) : null}
      {show('end') ? <p className="bc-field__error">{t('badTime')}</p> : null}
      {show('order') ? <p className="bc-field__error">{t('untilMustFollow')}</p> : null}
      {show('passed') ? <p className="bc-field__error">{t('untilPassed')}</p> : null}
      <p className="bc-muted">{t('timesInZone', { zone: zoneLabel(DEFAULT_ZONE) })}</p>
    </div>
  );
}

/** What it says: a card (title, text, English, warning tone) or a line of running text. */
function WhatFields({ draft, set, textMissing }: { draft: AnnouncementDraft; set: Set; textMissing: boolean }) {
  const t = useT();
  const running = draft.kind === 'running-text';
  return (
    <>
      <SelectField
        label={t('announcementKind')}
        name="kind"
        value={draft.kind}
        onChange={(v) => set('kind', v)}
        options={[
          { value: 'text', label: t('kindText') },
          { value: 'running-text', label: t('kindRunningText') },
        ]}
      />
      {running ? null : (
        <TextField
          label={t('announcementTitle')}
          name="title"
          value={draft.title}
          onChange={(v) => set('title', v)}
          maxLength={200}
        />
      )}
      <TextField
        label={running ? t('runningTextText') : t('announcementText')}
        name="text"
        multiline={!running}
        value={draft.text}
        onChange={(v) => set('text', v)}
        maxLength={running ? 2000 : 1000}
        error={textMissing ? t('required') : null}
      />
      {running ? null : (
        <>
          <TextField
            label={t('announcementEnglish')}
            name="english"
            multiline
            rows={2}
            value={draft.english}
            onChange={(v) => set('english', v)}
            maxLength={1000}
          />
          <CheckField label={t('asWarning')} checked={draft.warning} onChange={(v) => set('warning', v)} />
        </>
      )}
    </>
  );
}

/** Write, pick where and until when, see it drawn by the player, send: the most frequent task, in one form. */
export function AnnouncementForm({
  overview,
  dayparts,
  onSent,
}: {
  overview: Overview;
  dayparts: readonly Daypart[];
  onSent: () => void;
}) {
  const t = useT();
  const now = useNow();
  const today = localDateTime(now, DEFAULT_ZONE).slice(0, 10);
  const [draft, setDraft] = useState(() => emptyDraft(today));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ sent: number } | { error: unknown } | null>(null);
  const [previewOn, setPreviewOn] = useState('');
  const set: Set = (key, value) => setDraft((d) => ({ ...d, [key]: value }));
  const problems = draftProblems(draft, localDateTime(now, DEFAULT_ZONE));
  const reached = screensReached(draft.targets, overview);
  const previewScreen = reached.includes(previewOn) ? previewOn : (reached[0] ?? overview.screens[0]?.screenId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      const result = await api.announce(announcementRequest(draft));
      setOutcome({ sent: result.republished.length });
      setDraft(emptyDraft(today));
      setTried(false);
      onSent();
    } catch (error) {
      setOutcome({ error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="bc-card bc-announce" onSubmit={submit} noValidate aria-labelledby="announce-title">
      <h2 id="announce-title">{t('newAnnouncement')}</h2>
      <div className="bc-announce__grid">
        <div>
          <WhatFields draft={draft} set={set} textMissing={tried && problems.includes('text')} />
          <TargetPicker
            overview={overview}
            value={draft.targets}
            onChange={(v) => set('targets', v)}
            error={tried && problems.includes('targets') ? t('pickTargets') : null}
          />
          <WhenFields draft={draft} set={set} dayparts={dayparts} problems={problems} tried={tried} />
        </div>
        <div>
          <SelectField
            label={t('previewScreen')}
            name="preview-screen"
            value={previewScreen ?? ''}
            onChange={setPreviewOn}
            options={(reached.length > 0 ? reached : overview.screens.map((s) => s.screenId)).map((id) => ({
              value: id,
              label: overview.screens.find((s) => s.screenId === id)?.name ?? id,
              data: true,
            }))}
          />
          <PlayerPreview
            request={
              previewScreen
                ? { screenId: previewScreen, content: { kind: 'playlist', items: [previewItem(draft)] } }
                : null
            }
            width={420}
          />
        </div>
      </div>
      {outcome && 'error' in outcome ? <ErrorNote error={outcome.error} /> : null}
      {outcome && 'sent' in outcome ? <Notice>{t('sentTo', { n: outcome.sent })}</Notice> : null}
      <button type="submit" className="bc-button bc-button--primary" disabled={busy}>
        {busy ? t('sending') : t('send')}
      </button>
    </form>
  );
}
