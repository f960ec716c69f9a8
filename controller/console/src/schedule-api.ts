import { LayoutView, PlaylistView, ResolutionView, TimelineView } from '@baruga/protocol';
import { z } from 'zod';
import { ApiFailure, call } from './api';

// The panel needs only names: parse that much of the protocol's shapes rather than every item's props.
const Named = z.array(PlaylistView.pick({ id: true, name: true }));
const NamedLayouts = z.array(LayoutView.pick({ id: true, name: true }));

/** The console's calls to the schedule previews (docs/api.md, "Schedules"). */
export const scheduleApi = {
  timeline: (screenId: string, from: number, to: number) => {
    const params = new URLSearchParams({ from: new Date(from).toISOString(), to: new Date(to).toISOString() });
    return call(TimelineView, 'GET', `/api/screens/${screenId}/timeline?${params.toString()}`);
  },
  now: (screenId: string) => call(ResolutionView, 'GET', `/api/screens/${screenId}/now`),
  playlists: () => call(Named, 'GET', '/api/playlists'),
  layouts: () => call(NamedLayouts, 'GET', '/api/layouts'),
};

/** What went wrong, as an operator can report it: the API's stable code and its message. */
export function failureText(error: unknown): string {
  if (error instanceof ApiFailure) return `${error.error.code}: ${error.message}`;
  // A console older or newer than its controller: say so rather than show half a schedule.
  if (error instanceof z.ZodError) return `unexpected answer from the controller: ${z.prettifyError(error)}`;
  return error instanceof Error ? error.message : String(error);
}
