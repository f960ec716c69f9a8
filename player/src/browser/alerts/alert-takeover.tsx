import type { AlertNotice, AlertSeverity } from '@baruga/protocol';
import { useEffect, useLayoutEffect } from 'react';
import { playAlertTone } from './alert-sound';
import './alerts.css';

const COLOURS: Record<AlertSeverity | 'all-clear', string> = {
  Extreme: '#991b1b',
  Severe: '#b91c1c',
  Moderate: '#b45309',
  Minor: '#1e40af',
  Unknown: '#b91c1c',
  'all-clear': '#166534',
};

/** Indonesian first, then English, then the rest (the notice's own order). */
const byLanguage = (n: AlertNotice) => [...n.texts].sort((a, b) => rank(a.language) - rank(b.language));
const rank = (language: string) => (/^(id|in)/i.test(language) ? 0 : /^en/i.test(language) ? 1 : 2);

/**
 * An emergency notice over the whole screen, above every schedule, layout, overlay and blackout (docs/alerts.md).
 * It is acknowledged from the frame after the one that painted it (two animation frames: the first runs before
 * that paint, the second after it), and sounds where the screen allows. When the notice ends this unmounts and the
 * schedule, which went on playing underneath, is simply there again.
 */
export function AlertTakeover({ notices, onPainted }: { notices: AlertNotice[]; onPainted(alertId: string): void }) {
  const notice = notices[0];
  const id = notice?.id;
  useLayoutEffect(() => {
    if (!id) return;
    let second = 0;
    const first = requestAnimationFrame(() => {
      second = requestAnimationFrame(() => onPainted(id));
    });
    return () => {
      cancelAnimationFrame(first);
      cancelAnimationFrame(second);
    };
  }, [id, onPainted]);
  const sound = notice?.sound ?? false;
  useEffect(() => (id && sound ? playAlertTone() : undefined), [id, sound]);
  if (!notice) return null;

  const allClear = notice.kind === 'all-clear';
  return (
    <div
      className="bg-alert"
      data-testid="alert-takeover"
      data-alert-id={notice.id}
      data-kind={notice.kind}
      role="alert"
      style={{ background: COLOURS[allClear ? 'all-clear' : notice.severity] }}
    >
      <div className="bg-alert__banner">
        {allClear ? 'AMAN · ALL CLEAR' : 'PERINGATAN DARURAT · EMERGENCY ALERT'}
        {notice.exercise ? <span className="bg-alert__exercise">LATIHAN · EXERCISE</span> : null}
      </div>
      {byLanguage(notice).map((text, i) => (
        <section
          key={`${text.language}-${i}`}
          className={i === 0 ? 'bg-alert__primary' : 'bg-alert__secondary'}
          lang={text.language}
        >
          <h1 className="bg-alert__event">{text.event}</h1>
          {text.headline ? <p className="bg-alert__headline">{text.headline}</p> : null}
          {text.description ? <p className="bg-alert__description">{text.description}</p> : null}
          {text.instruction ? <p className="bg-alert__instruction">{text.instruction}</p> : null}
          {text.area && i === 0 ? <p className="bg-alert__area">{text.area}</p> : null}
        </section>
      ))}
      <div className="bg-alert__credit">{notice.credit}</div>
      {notices.length > 1 ? <div className="bg-alert__more">+{notices.length - 1}</div> : null}
    </div>
  );
}
