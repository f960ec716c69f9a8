import { describe, expect, it } from 'vitest';
import { announcementRequest, draftProblems, emptyDraft } from './announcement-draft';

describe('an announcement as the operator writes it', () => {
  const now = '2026-12-06T10:00';
  const ready = {
    ...emptyDraft('2026-12-06'),
    text: 'Rapat pukul 14.00',
    targets: { screens: [], groups: [], walls: ['baruga-lounge'], all: false },
  };

  it('says what is missing before anything is sent', () => {
    expect(draftProblems(emptyDraft('2026-12-06'), now)).toEqual(['text', 'targets']);
    expect(draftProblems(ready, now)).toEqual([]);
    expect(draftProblems({ ...ready, endMode: 'at', endTime: null }, now)).toEqual(['end']);
    expect(draftProblems({ ...ready, endMode: 'at', endTime: '09:00' }, now)).toEqual(['order']);
    expect(draftProblems({ ...ready, endMode: 'daypart' }, now)).toEqual(['daypart']);
  });

  it('becomes the API request: now until 15.00 WITA on the wall', () => {
    expect(announcementRequest({ ...ready, endMode: 'at', endTime: '15:00' })).toEqual({
      kind: 'text',
      text: 'Rapat pukul 14.00',
      tone: 'info',
      targets: ready.targets,
      timezone: 'Asia/Makassar',
      start: null,
      until: '2026-12-06T15:00',
      daypartId: null,
    });
    const running = announcementRequest({ ...ready, kind: 'running-text', title: 'ignored', english: 'ignored' });
    expect(running).not.toHaveProperty('title');
    expect(running).not.toHaveProperty('en');
  });
});
