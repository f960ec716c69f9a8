import type { CapMessage, CapScope, CapStatus, GeoPoint } from '@baruga/protocol';
import { areaTest, hasShape } from './area';

export interface ScreenFacts {
  id: string;
  public: boolean;
  location: GeoPoint | null;
}

/**
 * Who may see a message at all: public screens only `Actual` alerts for the `Public`; other screens (a command
 * centre's wall) also drills (`Exercise`, labelled as such). `Test`, `System` and `Draft` are recorded, never shown.
 */
export function audienceReason(status: CapStatus, scope: CapScope, screen: { public: boolean }): string | null {
  if (status === 'Test' || status === 'System' || status === 'Draft') return `status ${status} is never shown`;
  if (screen.public && (status !== 'Actual' || scope !== 'Public')) {
    return `public screens show only Actual alerts for the Public (this is ${status}, ${scope})`;
  }
  return null;
}

/**
 * The screens a CAP message reaches: those whose location lies in one of its areas (or every screen when it names
 * no area), less those its status and scope keep it from. Says why when the answer is none.
 */
export function capTargets(
  message: CapMessage,
  screens: readonly ScreenFacts[],
): { screens: string[]; none: string | null } {
  if (message.msgType !== 'Alert' && message.msgType !== 'Update') {
    return { screens: [], none: `a ${message.msgType} message is not shown` };
  }
  const areas = message.infos.flatMap((i) => i.areas);
  const shaped = areas.filter(hasShape);
  if (areas.length > 0 && shaped.length === 0) {
    return { screens: [], none: 'its areas are given only by geocode, which cannot be matched to screen locations' };
  }
  const tests = shaped.map(areaTest);
  const inside = (s: ScreenFacts) =>
    tests.length === 0 || (s.location !== null && tests.some((inArea) => inArea(s.location as GeoPoint)));
  const reached = screens
    .filter((s) => inside(s) && audienceReason(message.status, message.scope, s) === null)
    .map((s) => s.id);
  if (reached.length > 0) return { screens: reached, none: null };
  const firstReason = screens.map((s) => audienceReason(message.status, message.scope, s)).find((r) => r !== null);
  if (firstReason && screens.every((s) => audienceReason(message.status, message.scope, s) !== null)) {
    return { screens: [], none: firstReason };
  }
  return { screens: [], none: 'no screen with a location lies in its area' };
}
