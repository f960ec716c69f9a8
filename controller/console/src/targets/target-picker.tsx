import type { ReactNode } from 'react';
import type { EventTargets, Overview } from '@baruga/protocol';
import { wallsOf } from '../api/walls';
import { useT } from '../i18n/catalogue';
import { Data } from '../ui/feedback';

export const NO_TARGETS: EventTargets = { screens: [], groups: [], walls: [], all: false };

export const hasTargets = (t: EventTargets) => t.all || t.screens.length + t.groups.length + t.walls.length > 0;

/** The screens a set of targets reaches, as the controller counts them (schedules-repository screensTargeted). */
export function screensReached(targets: EventTargets, overview: Overview): string[] {
  return overview.screens
    .filter(
      (s) =>
        targets.all ||
        targets.screens.includes(s.screenId) ||
        (s.wallId !== null && targets.walls.includes(s.wallId)) ||
        s.groups.some((g) => targets.groups.includes(g)),
    )
    .map((s) => s.screenId);
}

function toggle(list: readonly string[], id: string, on: boolean): string[] {
  return on ? [...new Set([...list, id])] : list.filter((x) => x !== id);
}

/** Walls, groups and single screens as checkboxes: where an announcement or an event plays. */
export function TargetPicker({
  overview,
  value,
  onChange,
  error,
}: {
  overview: Overview;
  value: EventTargets;
  onChange: (targets: EventTargets) => void;
  error?: string | null;
}) {
  const t = useT();
  const walls = wallsOf(overview);
  const box = (checked: boolean, onToggle: (on: boolean) => void, label: ReactNode, name: string) => (
    <label className="bc-check" key={name}>
      <input type="checkbox" checked={checked} disabled={value.all} onChange={(e) => onToggle(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
  return (
    <fieldset className="bc-targets" aria-invalid={Boolean(error)}>
      <legend>{t('targets')}</legend>
      <label className="bc-check">
        <input type="checkbox" checked={value.all} onChange={(e) => onChange({ ...value, all: e.target.checked })} />
        <span>{t('targetAll')}</span>
      </label>
      {walls.length > 0 ? (
        <fieldset>
          <legend>{t('targetWalls')}</legend>
          {walls.map((w) =>
            box(
              value.walls.includes(w.id),
              (on) => onChange({ ...value, walls: toggle(value.walls, w.id, on) }),
              <Data>{t('wallTiles', { name: w.name, n: w.screenIds.length })}</Data>,
              `wall-${w.id}`,
            ),
          )}
        </fieldset>
      ) : null}
      {overview.groups.length > 0 ? (
        <fieldset>
          <legend>{t('targetGroups')}</legend>
          {overview.groups.map((g) =>
            box(
              value.groups.includes(g),
              (on) => onChange({ ...value, groups: toggle(value.groups, g, on) }),
              <Data>{g}</Data>,
              `group-${g}`,
            ),
          )}
        </fieldset>
      ) : null}
      <fieldset>
        <legend>{t('targetScreens')}</legend>
        {overview.screens.map((s) =>
          box(
            value.screens.includes(s.screenId),
            (on) => onChange({ ...value, screens: toggle(value.screens, s.screenId, on) }),
            <Data>{s.name}</Data>,
            `screen-${s.screenId}`,
          ),
        )}
      </fieldset>
      {error ? <p className="bc-field__error">{error}</p> : null}
    </fieldset>
  );
}
