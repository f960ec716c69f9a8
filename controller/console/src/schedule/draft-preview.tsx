import type { SchedulePreview, ScreenOverview } from '@baruga/protocol';
import { useLang, useT } from '../i18n/catalogue';
import { formatWallClock } from '../i18n/format';
import type { ScheduleData } from './event-form';
import { DayRows, ScheduleWarnings } from './schedule-day';
import { playlistLabels } from './schedule-names';
import { knownZone, zonedFormat } from './zoned-day';

/** The draft's effect on one screen: that screen's rows with the draft in them, and what the engine warns. */
export function DraftPreview({
  preview,
  screen,
  data,
}: {
  preview: SchedulePreview;
  screen: ScreenOverview | null;
  data: ScheduleData;
}) {
  const t = useT();
  const lang = useLang();
  const zone = knownZone(preview.timeline.timezone);
  const format = zonedFormat(zone, lang);
  const labelOf = playlistLabels({ playlists: data.playlists, layouts: data.layouts });
  const eventName = (id: string) => data.events.find((e) => e.event.id === id)?.event.name ?? null;
  const from = Date.parse(preview.timeline.from);
  return (
    <div className="bc-draft-preview" data-testid="draft-preview">
      <p>{t('previewFor', { day: format.day(from), name: screen?.name ?? preview.timeline.screenId })}</p>
      {preview.reachesScreen ? null : <p className="bc-note">{t('notReaching')}</p>}
      <p className="bc-muted">
        {preview.firstActive
          ? t('firstActive', { when: formatWallClock(preview.firstActive, lang) })
          : t('neverActive')}
      </p>
      <DayRows timeline={preview.timeline} labelOf={labelOf} format={format} />
      <ScheduleWarnings warnings={[...preview.eventWarnings, ...preview.timeline.warnings]} eventName={eventName} />
    </div>
  );
}
