import type { LayoutView, PlaylistView, Screen } from '@baruga/protocol';
import { type FormEvent, useState } from 'react';
import { navigate } from '../app/router';
import { api } from '../api/client';
import { useT } from '../i18n/catalogue';
import { editable } from '../playlists/item-list';
import { slugOf } from '../playlists/slug';
import { PlayerPreview } from '../preview/player-preview';
import { ConfirmDialog } from '../ui/dialog';
import { ErrorNote, Notice } from '../ui/feedback';
import { SelectField, TextField } from '../ui/fields';
import { ZoneCanvas } from './zone-canvas';
import { type EditorZone, ZonePanel } from './zone-panel';

let zoneKeys = 0;

function zonesOf(layout: LayoutView | null): EditorZone[] {
  return (layout?.zones ?? []).map((z) => ({
    key: `zone-${++zoneKeys}`,
    rect: { x: z.x, y: z.y, width: z.width, height: z.height },
    z: z.z,
    transition: z.transition,
    items: z.items.map((i) => editable({ type: i.type, durationMs: i.durationMs, props: i.props, sample: i.sample })),
  }));
}

/** The body the API takes for these zones (zone ids by position: `zona-1`, `zona-2`…). */
function layoutBody(name: string, canvas: { width: number; height: number }, background: string, zones: EditorZone[]) {
  return {
    name: name.trim(),
    width: canvas.width,
    height: canvas.height,
    background,
    zones: zones.map((z, i) => ({
      id: `zona-${i + 1}`,
      ...z.rect,
      z: z.z,
      transition: z.transition,
      items: z.items.map((e) => e.item),
    })),
  };
}

/** The layout's name, the screen whose canvas it is drawn on, and its background. */
function LayoutFields(props: {
  name: string;
  onName: (name: string) => void;
  nameError: string | null;
  screens: Screen[];
  screenId: string;
  onScreen: (id: string) => void;
  background: string;
  onBackground: (colour: string) => void;
}) {
  const t = useT();
  return (
    <div className="bc-form__row">
      <TextField
        label={t('layoutName')}
        name="layout-name"
        value={props.name}
        onChange={props.onName}
        maxLength={120}
        error={props.nameError}
      />
      <SelectField
        label={t('canvasFor')}
        name="layout-screen"
        value={props.screenId}
        onChange={props.onScreen}
        options={props.screens.map((s) => ({ value: s.id, label: `${s.name} (${s.width} × ${s.height})`, data: true }))}
      />
      <div className="bc-field">
        <label htmlFor="layout-background">{t('layoutBackground')}</label>
        <input
          id="layout-background"
          type="color"
          value={props.background}
          onChange={(e) => props.onBackground(e.target.value)}
        />
      </div>
    </div>
  );
}

/** Draw zones on the target screen's canvas, give each a playlist, see it in the real player, save. */
export function LayoutEditor({
  saved,
  screens,
  playlists,
}: {
  saved: LayoutView | null;
  screens: Screen[];
  playlists: PlaylistView[];
}) {
  const t = useT();
  const [name, setName] = useState(saved?.name ?? '');
  const first = screens.find((s) => s.width === saved?.width && s.height === saved.height) ?? screens[0];
  const [screenId, setScreenId] = useState(first?.id ?? '');
  const screen = screens.find((s) => s.id === screenId);
  const canvas =
    saved && !screen
      ? { width: saved.width, height: saved.height }
      : { width: screen?.width ?? 1920, height: screen?.height ?? 1080 };
  const [background, setBackground] = useState(saved?.background ?? '#000000');
  const [zones, setZones] = useState<EditorZone[]>(() => zonesOf(saved));
  const [selected, setSelected] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const [outcome, setOutcome] = useState<'saved' | { error: unknown } | null>(null);
  const [deleting, setDeleting] = useState(false);
  const body = layoutBody(name || t('newLayout'), canvas, background, zones);
  const selectedIndex = zones.findIndex((z) => z.key === selected);
  const selectedZone = zones[selectedIndex];

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!name.trim() || zones.length === 0) return;
    try {
      if (saved) await api.updateLayout(saved.id, body);
      else {
        const created = await api.createLayout({ id: slugOf(name, 'tata-letak'), ...body });
        navigate({ page: 'layout', id: created.id });
      }
      setOutcome('saved');
    } catch (error) {
      setOutcome({ error });
    }
  };

  return (
    <form className="bc-editor-page bc-editor-page--layout" onSubmit={save} noValidate>
      <div className="bc-editor-page__main">
        <LayoutFields
          name={name}
          onName={setName}
          nameError={tried && !name.trim() ? t('required') : null}
          screens={screens}
          screenId={screenId}
          onScreen={setScreenId}
          background={background}
          onBackground={setBackground}
        />
        <p className="bc-muted">{t('canvasHelp')}</p>
        <ZoneCanvas
          canvas={canvas}
          background={background}
          zones={zones}
          selected={selected}
          onSelect={setSelected}
          onAdd={(rect) => {
            const zone: EditorZone = {
              key: `zone-${++zoneKeys}`,
              rect,
              z: zones.length,
              transition: { kind: 'cut', durationMs: 600 },
              items: [],
            };
            setZones([...zones, zone]);
            setSelected(zone.key);
          }}
          onChange={(key, rect) => setZones(zones.map((z) => (z.key === key ? { ...z, rect } : z)))}
        />
        {zones.length === 0 ? (
          <p className={tried ? 'bc-field__error' : 'bc-muted'}>{tried ? t('needZone') : t('noZones')}</p>
        ) : null}
        {selectedZone ? (
          <ZonePanel
            key={selectedZone.key}
            zone={selectedZone}
            index={selectedIndex}
            canvas={canvas}
            playlists={playlists}
            onChange={(zone) => setZones(zones.map((z) => (z.key === zone.key ? zone : z)))}
            onRemove={() => {
              setZones(zones.filter((z) => z.key !== selectedZone.key));
              setSelected(null);
            }}
          />
        ) : null}
        {outcome === 'saved' ? <Notice>{t('layoutSaved')}</Notice> : null}
        {outcome && outcome !== 'saved' ? <ErrorNote error={outcome.error} /> : null}
        <div className="bc-form__row">
          <button type="submit" className="bc-button bc-button--primary">
            {t('saveLayout')}
          </button>
          {saved ? (
            <button
              type="button"
              className="bc-button bc-button--quiet bc-button--danger-text"
              onClick={() => setDeleting(true)}
            >
              {t('deleteLayout')}
            </button>
          ) : null}
        </div>
      </div>
      <aside className="bc-editor-page__side">
        <h2>{t('preview')}</h2>
        <PlayerPreview
          request={
            zones.length > 0
              ? { ...(screen ? { screenId: screen.id } : {}), content: { kind: 'layout', layout: body } }
              : null
          }
          width={356}
        />
      </aside>
      {deleting && saved ? (
        <ConfirmDialog
          title={t('confirmTitle')}
          body={<p>{t('confirmDeleteLayout', { name: saved.name })}</p>}
          confirm={t('deleteLayout')}
          danger
          onConfirm={() => {
            setDeleting(false);
            api.deleteLayout(saved.id).then(
              () => navigate({ page: 'layouts' }),
              (error: unknown) => setOutcome({ error }),
            );
          }}
          onCancel={() => setDeleting(false)}
        />
      ) : null}
    </form>
  );
}
