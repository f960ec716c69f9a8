import type { Screen, ScreenDelivery, WallView } from '@baruga/protocol';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import { Data, ErrorNote } from '../ui/feedback';
import { useT } from '../i18n/catalogue';
import { DEFAULT_PANEL, WallEditor, type WallDraft, draftOf } from './wall-editor';
import { WallClocks } from './wall-clocks';
import { WallPreview } from './wall-preview';
import './walls.css';

const NEW = '';

/**
 * Video walls: every wall, an editor for its geometry and tiles, each tile's clock against the controller's, and the
 * whole wall as its players draw it.
 */
export function WallsPanel({
  screens,
  delivery,
  onChanged,
}: {
  screens: Screen[];
  delivery: ScreenDelivery[];
  onChanged: () => void;
}) {
  const t = useT();
  const [walls, setWalls] = useState<WallView[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);

  const load = useCallback(
    () =>
      api.walls().then(
        (list) => {
          setWalls(list);
          setProblem(null);
        },
        (error: unknown) => setProblem(error),
      ),
    [],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const wall = walls.find((w) => w.id === selected) ?? null;
  const blank: WallDraft = { id: '', name: '', columns: 2, rows: 2, panel: DEFAULT_PANEL, tiles: [] };
  return (
    <section className="bc-card bw-walls" aria-label={t('walls')}>
      <div className="bc-panel__head">
        <button type="button" className="bc-link" onClick={() => setSelected(NEW)}>
          {t('wallNew')}
        </button>
      </div>
      {problem ? <ErrorNote error={problem} onRetry={() => void load()} /> : null}
      <ul className="bw-list">
        {walls.map((w) => (
          <li key={w.id}>
            <button
              type="button"
              className={w.id === selected ? 'bc-screen bc-screen--selected' : 'bc-screen'}
              onClick={() => setSelected(w.id)}
              data-wall-id={w.id}
            >
              <Data className="bc-screen__name">{w.name}</Data>
              <span className="bc-screen__meta">
                {t('wallSummary', {
                  columns: w.columns,
                  rows: w.rows,
                  width: w.canvas.width,
                  height: w.canvas.height,
                })}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {selected === null ? null : (
        <WallEditor
          key={selected + (wall?.updatedAt ?? '')}
          initial={wall ? draftOf(wall) : blank}
          isNew={wall === null}
          screens={screens}
          onSaved={(saved) => {
            setSelected(saved.id);
            void load();
            onChanged();
          }}
          onDeleted={() => {
            setSelected(null);
            void load();
            onChanged();
          }}
        />
      )}
      {wall ? <WallClocks wall={wall} delivery={delivery} /> : null}
      {wall ? <WallPreview wall={wall} /> : null}
    </section>
  );
}
