import type { AlertTemplate, Overview } from '@baruga/protocol';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import { useLang, useT } from '../i18n/catalogue';
import { TargetPicker, screensReached } from '../targets/target-picker';
import { ConfirmDialog } from '../ui/dialog';
import { ErrorNote, Notice } from '../ui/feedback';
import { CheckField, NumberField, SelectField, TextField } from '../ui/fields';
import { type AlertDraft, alertProblems, alertRequest, emptyAlertDraft, withTemplate } from './alert-draft';

/**
 * An operator's alert: a template (words ready in both languages), where, how long; then a confirmation that says
 * it takes over the screens, and send.
 */
export function AlertForm({
  overview,
  templates,
  onSent,
}: {
  overview: Overview;
  templates: readonly AlertTemplate[];
  onSent: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const [draft, setDraft] = useState<AlertDraft>(emptyAlertDraft);
  const [tried, setTried] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ sent: number } | { held: true } | { error: unknown } | null>(null);
  const set = <K extends keyof AlertDraft>(key: K, value: AlertDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setEn = (key: keyof AlertDraft['en'], value: string) =>
    setDraft((d) => ({ ...d, en: { ...d.en, [key]: value } }));
  const problems = alertProblems(draft);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setOutcome(null);
    if (problems.length === 0) setConfirming(true);
  };
  const send = async () => {
    setConfirming(false);
    setBusy(true);
    try {
      const accepted = await api.createAlert(alertRequest(draft, overview));
      // Held for a second approver when manual alerts need two people (docs/security.md).
      setOutcome('held' in accepted ? { held: true } : { sent: accepted.screens });
      setDraft(emptyAlertDraft());
      setTried(false);
      onSent();
    } catch (error) {
      setOutcome({ error });
    } finally {
      setBusy(false);
    }
  };
  const named = screensReached(draft.targets, overview).length;

  return (
    <form className="bc-card ba-form" onSubmit={submit} noValidate aria-labelledby="alert-new-title">
      <h2 id="alert-new-title">{t('alertNew')}</h2>
      <div className="ba-form__grid">
        <div>
          <SelectField
            label={t('alertTemplate')}
            name="template"
            value={draft.template?.id ?? ''}
            options={[
              { value: '', label: t('alertNoTemplate') },
              ...templates.map((x) => ({ value: x.id, label: x.label[lang], data: true })),
            ]}
            onChange={(id) => setDraft((d) => withTemplate(d, templates.find((x) => x.id === id) ?? null))}
          />
          <TextField
            label={t('alertEvent')}
            name="event"
            value={draft.event}
            maxLength={200}
            onChange={(v) => set('event', v)}
            error={tried && problems.includes('event') ? t('required') : null}
          />
          <TextField
            label={t('alertHeadline')}
            name="headline"
            value={draft.headline}
            maxLength={300}
            onChange={(v) => set('headline', v)}
          />
          <TextField
            label={t('alertInstruction')}
            name="instruction"
            multiline
            rows={2}
            value={draft.instruction}
            maxLength={2000}
            onChange={(v) => set('instruction', v)}
          />
          <fieldset className="ba-english">
            <legend>{t('alertEnglish')}</legend>
            <TextField
              label={t('alertEventEn')}
              value={draft.en.event}
              maxLength={200}
              onChange={(v) => setEn('event', v)}
            />
            <TextField
              label={t('alertHeadlineEn')}
              value={draft.en.headline}
              maxLength={300}
              onChange={(v) => setEn('headline', v)}
            />
            <TextField
              label={t('alertInstructionEn')}
              multiline
              rows={2}
              value={draft.en.instruction}
              maxLength={2000}
              onChange={(v) => setEn('instruction', v)}
            />
          </fieldset>
        </div>
        <div>
          <TargetPicker
            overview={overview}
            value={draft.targets}
            onChange={(v) => set('targets', v)}
            error={tried && problems.includes('targets') ? t('pickTargets') : null}
          />
          <NumberField
            label={t('alertMinutes')}
            name="minutes"
            value={draft.minutes}
            min={1}
            max={1440}
            onChange={(v) => set('minutes', v)}
          />
          <CheckField label={t('alertSound')} checked={draft.sound} onChange={(v) => set('sound', v)} />
          <CheckField label={t('alertExercise')} checked={draft.exercise} onChange={(v) => set('exercise', v)} />
        </div>
      </div>
      {outcome && 'error' in outcome ? <ErrorNote error={outcome.error} /> : null}
      {outcome && 'sent' in outcome ? <Notice>{t('alertSent', { n: outcome.sent })}</Notice> : null}
      {outcome && 'held' in outcome ? <Notice>{t('alertHeld')}</Notice> : null}
      <button type="submit" className="bc-button bc-button--danger" disabled={busy}>
        {busy ? t('sending') : t('alertSend')}
      </button>
      {confirming ? (
        <ConfirmDialog
          title={t('alertConfirmTitle')}
          body={
            <p>{t(draft.exercise ? 'alertConfirmDrill' : 'alertConfirmBody', { n: named, minutes: draft.minutes })}</p>
          }
          confirm={t('alertSendNow')}
          danger
          onConfirm={() => void send()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </form>
  );
}
