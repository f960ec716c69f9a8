import type { HiddenEvent, ScheduleWarningCode, SegmentSource } from '@baruga/protocol';
import { type Lang, type TextKey, text } from './dictionary';

const HIDDEN: Record<HiddenEvent['reason'], TextKey> = {
  priority: 'hiddenPriority',
  tie: 'hiddenTie',
  interrupted: 'hiddenInterrupted',
};

/**
 * Why this plays, as a sentence in the console's language, built from the engine's structured answer (`source`,
 * `hides`). The English reads as the engine's own `explanation`; both come from the catalogue.
 */
export function explanationIn(lang: Lang, r: { source: SegmentSource; hides: readonly HiddenEvent[] }): string {
  const list = r.hides
    .map((h) =>
      text(lang, HIDDEN[h.reason], {
        what: h.kind === 'interrupt' ? text(lang, 'hiddenInterruptPrefix') : '',
        name: h.name,
        priority: h.priority,
      }),
    )
    .join(', ');
  const hides = r.hides.length > 0 ? text(lang, 'whyHides', { list }) : '';
  const s = r.source;
  switch (s.kind) {
    case 'default':
      return text(lang, 'whyDefault');
    case 'event':
      return text(lang, 'whyEvent', { name: s.name, priority: s.priority, hides });
    case 'interrupt':
      return text(lang, 'whyInterrupt', {
        name: s.name,
        priority: s.priority,
        slot: s.slot + 1,
        slots: s.slotsPerHour,
        hides,
      });
  }
}

/** What a warning code means, in the console's language (docs/schedules.md, "Feasibility warnings"). */
export const warningTitle = (lang: Lang, code: ScheduleWarningCode): string => text(lang, `warn:${code}`);
