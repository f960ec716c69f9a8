import {
  type PanelModel,
  type Rotation,
  type Screen,
  UpdateWall,
  type WallTileInput,
  type WallView,
  wallGeometry,
} from '@baruga/protocol';
import { type FormEvent, useMemo, useState } from 'react';
import { api } from '../api/client';
import { ConfirmDialog } from '../ui/dialog';
import { ErrorNote, Notice } from '../ui/feedback';
import { type TextKey, useT } from '../i18n/catalogue';
import { PanelFields } from './panel-fields';
import { WallSketch } from './wall-sketch';

/** What the form edits: the wall's body, and its id while it is new. */
export interface WallDraft extends UpdateWall {
  id: string;
}

/** A 55-inch 1080p video-wall panel with 3.5 mm seams: a sensible start for a new wall. */
export const DEFAULT_PANEL: PanelModel = {
  widthPx: 1920,
  heightPx: 1080,
  activeWidthMm: 1209.6,
  activeHeightMm: 680.4,
  bezelMm: { top: 1.75, right: 1.75, bottom: 1.75, left: 1.75 },
};

export function draftOf(wall: WallView): WallDraft {
  return {
    id: wall.id,
    name: wall.name,
    columns: wall.columns,
    rows: wall.rows,
    panel: wall.panel,
    tiles: wall.tiles.map((t) => ({
      column: t.column,
      row: t.row,
      screenId: t.screenId,
      rotation: t.rotation,
      ...(samePanel(t.panel, wall.panel) ? {} : { panel: t.panel }),
    })),
  };
}

/** The field of the form a problem the wall's schema finds is in, named as the form names it. */
const FIELDS: Record<string, TextKey> = {
  name: 'wallName',
  columns: 'wallColumns',
  rows: 'wallRows',
  panel: 'wallPanel',
  tiles: 'wallTileScreens',
};

const samePanel = (a: PanelModel, b: PanelModel) => JSON.stringify(a) === JSON.stringify(b);
const ROTATIONS: Rotation[] = [0, 90, 180, 270];

/**
 * The wall editor: grid size, the panel model with its bezels, and per tile which screen drives it, how the panel
 * hangs and, for a mixed wall, its own model. The sketch and canvas size follow every keystroke, computed by the
 * controller's own geometry function; the controller checks again when it is saved.
 */
export function WallEditor(props: {
  initial: WallDraft;
  isNew: boolean;
  screens: Screen[];
  onSaved: (wall: WallView) => void;
  onDeleted: () => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState<WallDraft>(props.initial);
  const [message, setMessage] = useState<{ ok: true; text: string } | { ok: false; error: unknown } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { id, ...body } = draft;
  const parsed = useMemo(() => UpdateWall.safeParse(body), [body]);
  const geometry = useMemo(() => (parsed.success ? wallGeometry(parsed.data) : null), [parsed]);

  const cell = (column: number, row: number): WallTileInput =>
    draft.tiles.find((x) => x.column === column && x.row === row) ?? { column, row, screenId: null, rotation: 0 };
  const setCell = (next: WallTileInput) =>
    setDraft({
      ...draft,
      tiles: [...draft.tiles.filter((x) => x.column !== next.column || x.row !== next.row), next],
    });
  const resize = (columns: number, rows: number) =>
    setDraft({ ...draft, columns, rows, tiles: draft.tiles.filter((x) => x.column < columns && x.row < rows) });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!parsed.success) return;
    try {
      const saved = props.isNew ? await api.createWall({ id, ...parsed.data }) : await api.updateWall(id, parsed.data);
      setMessage({ ok: true, text: t('wallSaved', { width: saved.canvas.width, height: saved.canvas.height }) });
      props.onSaved(saved);
    } catch (error) {
      setMessage({ ok: false, error });
    }
  };
  const remove = async () => {
    try {
      await api.deleteWall(id);
      props.onDeleted();
    } catch (error) {
      setMessage({ ok: false, error });
    }
  };

  return (
    <form className="bc-form bw-editor" onSubmit={save} aria-label={t('wallEditor')} noValidate>
      {props.isNew ? (
        <label>
          {t('wallId')}
          <input
            required
            pattern="[a-z0-9][a-z0-9-]{0,62}"
            value={id}
            onChange={(e) => setDraft({ ...draft, id: e.target.value })}
          />
        </label>
      ) : null}
      <label>
        {t('wallName')}
        <input
          required
          maxLength={120}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
      </label>
      <div className="bc-form__row">
        <label>
          {t('wallColumns')}
          <input
            type="number"
            min={1}
            max={32}
            value={draft.columns}
            onChange={(e) => resize(Number(e.target.value), draft.rows)}
          />
        </label>
        <label>
          {t('wallRows')}
          <input
            type="number"
            min={1}
            max={32}
            value={draft.rows}
            onChange={(e) => resize(draft.columns, Number(e.target.value))}
          />
        </label>
      </div>
      <fieldset>
        <legend>{t('wallPanel')}</legend>
        <PanelFields panel={draft.panel} onChange={(panel) => setDraft({ ...draft, panel })} />
      </fieldset>
      <fieldset>
        <legend>{t('wallTileScreens')}</legend>
        <div className="bw-grid" style={{ gridTemplateColumns: `repeat(${draft.columns}, minmax(9rem, 1fr))` }}>
          {Array.from({ length: draft.rows }, (_, row) =>
            Array.from({ length: draft.columns }, (_, column) => (
              <TileCell
                key={`${column},${row}`}
                tile={cell(column, row)}
                wallPanel={draft.panel}
                screens={props.screens}
                onChange={setCell}
              />
            )),
          )}
        </div>
      </fieldset>
      {geometry ? (
        <WallSketch canvas={geometry.canvas} tiles={geometry.tiles} />
      ) : (
        <p className="bc-error" role="status">
          {parsed.success
            ? ''
            : t('wallCheck', { field: t(FIELDS[String(parsed.error.issues[0]?.path[0])] ?? 'wallEditor') })}
        </p>
      )}
      <div className="bc-form__row">
        <button type="submit" disabled={!parsed.success}>
          {t('wallSave')}
        </button>
        {props.isNew ? null : (
          <button type="button" className="bc-button bc-button--danger" onClick={() => setConfirming(true)}>
            {t('delete')}
          </button>
        )}
      </div>
      {message === null ? null : message.ok ? <Notice>{message.text}</Notice> : <ErrorNote error={message.error} />}
      {confirming ? (
        <ConfirmDialog
          title={t('wallDeleteTitle')}
          body={t('wallDeleteBody')}
          confirm={t('delete')}
          danger
          onConfirm={() => {
            setConfirming(false);
            void remove();
          }}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </form>
  );
}

/** One tile: its screen (those with the panel's native pixels), how it hangs, and optionally its own model. */
function TileCell(props: {
  tile: WallTileInput;
  wallPanel: PanelModel;
  screens: Screen[];
  onChange: (tile: WallTileInput) => void;
}) {
  const t = useT();
  const { tile } = props;
  const panel = tile.panel ?? props.wallPanel;
  const fitting = props.screens.filter(
    (s) => (s.width === panel.widthPx && s.height === panel.heightPx) || s.id === tile.screenId,
  );
  const where = t('wallCell', { column: tile.column + 1, row: tile.row + 1 });
  return (
    <div className="bw-cell" data-cell={`${tile.column},${tile.row}`}>
      <strong>{where}</strong>
      <label>
        {t('wallScreen')}
        <select
          value={tile.screenId ?? ''}
          onChange={(e) => props.onChange({ ...tile, screenId: e.target.value === '' ? null : e.target.value })}
        >
          <option value="">{t('wallNoScreen')}</option>
          {fitting.map((s) => (
            <option key={s.id} value={s.id} translate="no">
              {s.name} ({s.id})
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('wallRotation')}
        <select
          value={tile.rotation}
          onChange={(e) =>
            props.onChange({ ...tile, rotation: ROTATIONS.find((r) => r === Number(e.target.value)) ?? 0 })
          }
        >
          {ROTATIONS.map((r) => (
            <option key={r} value={r} translate="no">
              {r}°
            </option>
          ))}
        </select>
      </label>
      <details open={tile.panel !== undefined}>
        <summary>{t('wallOtherPanel')}</summary>
        <label className="bc-check">
          <input
            type="checkbox"
            checked={tile.panel !== undefined}
            onChange={(e) => {
              const { panel: _own, ...rest } = tile;
              props.onChange(e.target.checked ? { ...rest, panel: props.wallPanel } : rest);
            }}
          />
          {t('wallOtherPanel')}
        </label>
        {tile.panel ? (
          <PanelFields panel={tile.panel} onChange={(own) => props.onChange({ ...tile, panel: own })} />
        ) : null}
      </details>
    </div>
  );
}
