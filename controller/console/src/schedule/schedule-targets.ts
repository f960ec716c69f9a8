import type { ScheduleEvent, ScreenOverview } from '@baruga/protocol';

export type { EventSummary, ResolutionView } from '@baruga/protocol';

/** Whether an event reaches a screen, as the engine matches targets (schedules/src/schedule.ts, matchesScreen). */
export function matchesTarget(
  event: ScheduleEvent,
  screen: Pick<ScreenOverview, 'screenId' | 'wallId' | 'groups'>,
): boolean {
  const t = event.targets;
  return (
    t.all ||
    t.screens.includes(screen.screenId) ||
    (screen.wallId !== null && t.walls.includes(screen.wallId)) ||
    screen.groups.some((g) => t.groups.includes(g))
  );
}
