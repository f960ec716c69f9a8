import { contentTypes, getContentType } from '@baruga/content';
import type { CreateLoopItem } from '@baruga/protocol';
import { useState } from 'react';
import { useT } from '../i18n/catalogue';
import { useTypeLabel } from '../screens/screen-status';
import { Data } from '../ui/feedback';
import { NumberField, SelectField } from '../ui/fields';
import { itemLabel } from './item-label';
import { ItemEditorDialog, newItem } from './item-editor';

/** An item in an editor's list: the item, and a key that stays with it while the list is reordered. */
export interface EditableItem {
  key: string;
  item: CreateLoopItem;
}

let keys = 0;
export const editable = (item: CreateLoopItem): EditableItem => ({ key: `item-${++keys}`, item });

/** Moves the item at `from` to `to`, the others keeping their order. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [taken] = next.splice(from, 1);
  if (taken !== undefined) next.splice(Math.max(0, Math.min(to, next.length)), 0, taken);
  return next;
}

/**
 * Items in play order: dragged to reorder (or moved with buttons, for the keyboard), each with its duration, its
 * content type's editor form, and a way out.
 */
export function ItemList({
  items,
  onChange,
}: {
  items: readonly EditableItem[];
  onChange: (items: EditableItem[]) => void;
}) {
  const t = useT();
  const typeLabel = useTypeLabel();
  const [dragged, setDragged] = useState<number | null>(null);
  const [editing, setEditing] = useState<{ index: number | null; item: CreateLoopItem } | null>(null);
  const [adding, setAdding] = useState(contentTypes[0]?.id ?? 'text');
  const replace = (index: number, item: CreateLoopItem) =>
    onChange(items.map((e, i) => (i === index ? { ...e, item } : e)));
  const label = (item: CreateLoopItem) => itemLabel(item.props) ?? typeLabel(item.type);

  return (
    <div className="bc-item-list">
      <p className="bc-muted">{t('orderHint')}</p>
      <ol className="bc-list" data-testid="item-list">
        {items.map(({ key, item }, index) => {
          const limits = getContentType(item.type)?.duration ?? { minMs: 1000, maxMs: 3_600_000, defaultMs: 10_000 };
          return (
            <li
              key={key}
              draggable
              data-item-type={item.type}
              className={dragged === index ? 'bc-list__dragged' : undefined}
              onDragStart={(e) => {
                setDragged(index);
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', String(index));
              }}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                const from = Number(e.dataTransfer.getData('text/plain'));
                if (Number.isInteger(from) && from !== index) onChange(moved(items, from, index));
                setDragged(null);
              }}
              onDragEnd={() => setDragged(null)}
            >
              <span className="bc-drag" aria-hidden="true" title={t('dragHandle')}>
                ⠿
              </span>
              <span className="bc-tag">{typeLabel(item.type)}</span>
              <span className="bc-list__main">{itemLabel(item.props) ? <Data>{label(item)}</Data> : null}</span>
              <NumberField
                label={t('itemDuration', { item: label(item) })}
                value={Math.round((item.durationMs ?? limits.defaultMs) / 1000)}
                min={Math.ceil(limits.minMs / 1000)}
                max={Math.floor(limits.maxMs / 1000)}
                onChange={(s) => replace(index, { ...item, durationMs: s * 1000 })}
              />
              <span className="bc-list__buttons">
                <button
                  type="button"
                  className="bc-button bc-button--quiet"
                  disabled={index === 0}
                  onClick={() => onChange(moved(items, index, index - 1))}
                >
                  {t('moveUp')}
                </button>
                <button
                  type="button"
                  className="bc-button bc-button--quiet"
                  disabled={index === items.length - 1}
                  onClick={() => onChange(moved(items, index, index + 1))}
                >
                  {t('moveDown')}
                </button>
                <button
                  type="button"
                  className="bc-button bc-button--quiet"
                  onClick={() => setEditing({ index, item })}
                >
                  {t('edit')}
                </button>
                <button
                  type="button"
                  className="bc-button bc-button--quiet"
                  onClick={() => onChange(items.filter((_, i) => i !== index))}
                >
                  {t('removeItem')}
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <div className="bc-form__row bc-form__row--end">
        <SelectField
          label={t('addItemType')}
          name="add-type"
          value={adding}
          onChange={setAdding}
          options={contentTypes.map((c) => ({ value: c.id, label: typeLabel(c.id) }))}
        />
        <button
          type="button"
          className="bc-button bc-button--quiet"
          onClick={() => setEditing({ index: null, item: newItem(adding) })}
        >
          {t('addItem')}
        </button>
      </div>
      {editing ? (
        <ItemEditorDialog
          item={editing.item}
          onClose={() => setEditing(null)}
          onApply={(item) => {
            if (editing.index === null) onChange([...items, editable(item)]);
            else replace(editing.index, item);
            setEditing(null);
          }}
        />
      ) : null}
    </div>
  );
}
