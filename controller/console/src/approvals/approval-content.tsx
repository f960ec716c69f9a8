import { LoopItem } from '@baruga/protocol';
import { z } from 'zod';
import { type TextKey, useT } from '../i18n/catalogue';
import { Data } from '../ui/feedback';

/** As much of a manifest's content as a person needs to judge it: what plays, and where. */
const Zoned = z.object({ id: z.string(), items: z.array(LoopItem) });
const Content = z.object({
  loop: z.array(LoopItem).default([]),
  playlists: z.record(z.string(), z.array(LoopItem)).default({}),
  layouts: z.record(z.string(), z.object({ name: z.string(), zones: z.array(Zoned) })).default({}),
  overlays: z.array(Zoned).default([]),
  schedule: z.object({ events: z.array(z.object({ name: z.string() }).loose()) }).optional(),
});
type Content = z.infer<typeof Content>;

interface Group {
  label: TextKey;
  name: string;
  items: LoopItem[];
}

function groups(content: Content): Group[] {
  return [
    { label: 'approvalLoop', name: '', items: content.loop },
    ...Object.entries(content.playlists).map(([id, items]) => ({
      label: 'approvalPlaylist' as const,
      name: id,
      items,
    })),
    ...Object.values(content.layouts).flatMap((layout) =>
      layout.zones.map((zone) => ({
        label: 'approvalLayout' as const,
        name: `${layout.name} · ${zone.id}`,
        items: zone.items,
      })),
    ),
    ...content.overlays.map((zone) => ({ label: 'approvalOverlay' as const, name: zone.id, items: zone.items })),
  ];
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** One item as the approver reads it: a picture's thumbnail, a text's words, a stream's or page's address. */
function ItemPreview({ item }: { item: LoopItem }) {
  const p = item.props;
  const picture = item.type === 'video' ? text(p.poster) : text(p.asset);
  const thumb =
    (item.type === 'image' || item.type === 'video') && /^[0-9a-f]{64}$/.test(picture) ? (
      <img src={`/content/${picture}`} alt="" className="bc-approval__thumb" />
    ) : null;
  const words = [text(p.alt), text(p.title), text(p.body), text(p.text), text(p.url), text(p.caption)]
    .filter(Boolean)
    .join(' · ');
  return (
    <span className="bc-approval__item">
      {thumb}
      <Data>
        <code>{item.type}</code> {words.length > 240 ? `${words.slice(0, 240)}…` : words}
      </Data>
    </span>
  );
}

/**
 * What a request would put on screen, item by item, each marked new or changed against what the screen shows now,
 * with how many items it would take off.
 */
export function ApprovalContent({ content, onScreen }: { content: unknown; onScreen: unknown }) {
  const t = useT();
  const next = Content.safeParse(content);
  if (!next.success) return <p className="bc-muted">{t('approvalUnreadable')}</p>;
  const before = Content.safeParse(onScreen ?? {});
  const old = new Map(
    before.success ? groups(before.data).flatMap((g) => g.items.map((i) => [i.id, JSON.stringify(i)] as const)) : [],
  );
  const shown = groups(next.data).filter((g) => g.items.length > 0);
  const kept = new Set(shown.flatMap((g) => g.items.map((i) => i.id)));
  const removed = [...old.keys()].filter((id) => !kept.has(id)).length;
  const events = next.data.schedule?.events ?? [];
  return (
    <div className="bc-approval__content">
      <h3>{t('approvalWhatChanges')}</h3>
      {shown.map((g) => (
        <section key={`${g.label}/${g.name}`}>
          <h4>
            {t(g.label)} <Data>{g.name}</Data>
          </h4>
          <ol>
            {g.items.map((item) => {
              const was = old.get(item.id);
              const mark = was === undefined ? 'approvalNew' : was !== JSON.stringify(item) ? 'approvalChanged' : null;
              return (
                <li key={item.id} data-mark={mark ?? 'same'}>
                  {mark ? <span className="bc-tag bc-tag--warning">{t(mark)}</span> : null} <ItemPreview item={item} />
                </li>
              );
            })}
          </ol>
        </section>
      ))}
      {removed > 0 ? <p className="bc-muted">{t('approvalRemoved', { n: removed })}</p> : null}
      {events.length > 0 ? (
        <p>
          {t('approvalEvents')}: <Data>{events.map((e) => e.name).join(', ')}</Data>
        </p>
      ) : null}
    </div>
  );
}
