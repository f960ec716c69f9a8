import type { ScreenBrightness } from '@baruga/protocol';
import { brightnessAt } from '@baruga/schedules';
import { useCallback, useEffect, useState } from 'react';
import type { Timers } from '../clock/timers';

/**
 * Night dimming: a black layer above everything the screen shows, as dark as the brightness schedule asks for at
 * this instant of the screen's own clock (schedules/src/brightness.ts), re-read at each window's edge. Full
 * brightness draws nothing.
 */
export function BrightnessLayer({
  brightness,
  timezone,
  timers,
}: {
  brightness: ScreenBrightness;
  timezone: string;
  timers: Timers;
}) {
  const [asked, setAsked] = useState(() => ({ brightness, timezone, now: timers.now() }));
  if (asked.brightness !== brightness || asked.timezone !== timezone) {
    // A new schedule (a new manifest) is read at the time it arrives.
    setAsked({ brightness, timezone, now: timers.now() });
  }
  const at = brightnessAt(brightness, timezone, asked.now);
  const until = at.until;
  const again = useCallback(() => setAsked((a) => ({ ...a, now: timers.now() })), [timers]);
  useEffect(() => timers.at(until, again), [until, timers, again]);
  // A jump of the clock (the first estimate far from the local clock) may cross a window's edge.
  useEffect(() => timers.onJump?.(again), [timers, again]);
  if (at.percent >= 100) return null;
  return <div className="bg-brightness" data-brightness={at.percent} style={{ opacity: 1 - at.percent / 100 }} />;
}
