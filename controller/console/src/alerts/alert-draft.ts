import type { AlertTemplate, CreateAlert, EventTargets, Overview } from '@baruga/protocol';
import type { z } from 'zod';
import { NO_TARGETS, hasTargets } from '../targets/target-picker';

/** What the alert form holds. */
export interface AlertDraft {
  template: AlertTemplate | null;
  event: string;
  headline: string;
  instruction: string;
  en: { event: string; headline: string; instruction: string };
  targets: EventTargets;
  minutes: number;
  sound: boolean;
  exercise: boolean;
}

export type AlertProblem = 'event' | 'targets';

export const emptyAlertDraft = (): AlertDraft => ({
  template: null,
  event: '',
  headline: '',
  instruction: '',
  en: { event: '', headline: '', instruction: '' },
  targets: { ...NO_TARGETS, all: true },
  minutes: 30,
  sound: true,
  exercise: false,
});

/** A template fills the words in both languages; a drill template ticks "drill". */
export const withTemplate = (draft: AlertDraft, template: AlertTemplate | null): AlertDraft =>
  template
    ? {
        ...draft,
        template,
        event: template.event,
        headline: template.headline,
        instruction: template.instruction,
        en: template.en,
        exercise: template.id === 'latihan',
      }
    : { ...draft, template: null };

export function alertProblems(draft: AlertDraft): AlertProblem[] {
  const problems: AlertProblem[] = [];
  if (!draft.event.trim()) problems.push('event');
  if (!hasTargets(draft.targets)) problems.push('targets');
  return problems;
}

const optional = (text: string) => (text.trim() ? text.trim() : undefined);

/**
 * The request. Alerts have no wall target: a wall picked in the form stands for the screens its tiles are, which is
 * what the controller would reach anyway.
 */
export function alertRequest(draft: AlertDraft, overview: Overview): z.input<typeof CreateAlert> {
  const wallScreens = overview.screens
    .filter((s) => s.wallId !== null && draft.targets.walls.includes(s.wallId))
    .map((s) => s.screenId);
  const en = { event: optional(draft.en.event), headline: optional(draft.en.headline) };
  return {
    ...(draft.template ? { template: draft.template.id } : {}),
    severity: draft.template?.severity ?? 'Severe',
    event: draft.event.trim(),
    headline: optional(draft.headline),
    instruction: optional(draft.instruction),
    ...(en.event || en.headline ? { en: { ...en, instruction: optional(draft.en.instruction) } } : {}),
    targets: draft.targets.all
      ? { all: true, screens: [], groups: [] }
      : { all: false, screens: [...new Set([...draft.targets.screens, ...wallScreens])], groups: draft.targets.groups },
    expiresInMinutes: draft.minutes,
    sound: draft.sound,
    exercise: draft.exercise,
  };
}
