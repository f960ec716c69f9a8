import type { AlertTemplate, Overview } from '@baruga/protocol';
import { describe, expect, it } from 'vitest';
import { alertProblems, alertRequest, emptyAlertDraft, withTemplate } from './alert-draft';

const overview = {
  screens: [
    { screenId: 'videotron-1', wallId: null },
    { screenId: 'lounge-kiri', wallId: 'baruga-lounge' },
    { screenId: 'lounge-kanan', wallId: 'baruga-lounge' },
  ],
} as unknown as Overview;

const gempa: AlertTemplate = {
  id: 'gempa',
  label: { id: 'Gempa bumi', en: 'Earthquake' },
  severity: 'Extreme',
  event: 'Gempa bumi',
  headline: 'Gempa terasa',
  instruction: 'Jauhi bangunan',
  en: { event: 'Earthquake', headline: 'Earthquake felt', instruction: 'Keep away from buildings' },
};

describe('an operator’s alert', () => {
  it('needs an event and somewhere to show', () => {
    const draft = { ...emptyAlertDraft(), targets: { screens: [], groups: [], walls: [], all: false } };
    expect(alertProblems(draft)).toEqual(['event', 'targets']);
  });

  it('takes its words in both languages and its severity from a template', () => {
    const request = alertRequest(withTemplate(emptyAlertDraft(), gempa), overview);
    expect(request).toMatchObject({
      template: 'gempa',
      severity: 'Extreme',
      event: 'Gempa bumi',
      en: { event: 'Earthquake', headline: 'Earthquake felt', instruction: 'Keep away from buildings' },
      targets: { all: true },
    });
  });

  it('sends a picked wall as the screens of its tiles', () => {
    const draft = {
      ...emptyAlertDraft(),
      event: 'Banjir',
      targets: { screens: ['videotron-1'], groups: ['pantai'], walls: ['baruga-lounge'], all: false },
    };
    expect(alertRequest(draft, overview).targets).toEqual({
      all: false,
      screens: ['videotron-1', 'lounge-kiri', 'lounge-kanan'],
      groups: ['pantai'],
    });
  });
});
