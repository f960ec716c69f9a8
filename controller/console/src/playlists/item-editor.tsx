import { contentEditors } from '@baruga/content/browser';
import { getContentType } from '@baruga/content';
import type { CreateLoopItem, LibraryItem } from '@baruga/protocol';
import { useState } from 'react';
import { useLang, useT } from '../i18n/catalogue';
import { LibraryPicker, pickedOf } from '../library/library-picker';
import { Dialog } from '../ui/dialog';
import { useTypeLabel } from '../screens/screen-status';

/**
 * One item in its content type's own editor form (content/src/types/<type>/editor.tsx), in a dialog. Pictures and
 * videos are picked from the library. "Apply" is offered only when the props pass the type's schema.
 */
export function ItemEditorDialog({
  item,
  onApply,
  onClose,
}: {
  item: CreateLoopItem;
  onApply: (item: CreateLoopItem) => void;
  onClose: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const typeLabel = useTypeLabel();
  const [props, setProps] = useState(item.props);
  const [picking, setPicking] = useState<{
    kind: 'image' | 'video';
    resolve: (item: LibraryItem | null) => void;
  } | null>(null);
  const Editor = contentEditors[item.type];
  const type = getContentType(item.type);
  const valid = type ? type.props.safeParse(props).success : false;
  return (
    <Dialog title={t('itemEditorTitle', { type: typeLabel(item.type) })} onClose={onClose} wide>
      <div className="bc-item-editor">
        {Editor ? (
          <Editor
            value={props as never}
            lang={lang}
            onChange={(next: unknown) => setProps(next as Record<string, unknown>)}
            assetUrl={(sha256: string) => `/content/${sha256}`}
            pickAsset={(kind: 'image' | 'video') =>
              new Promise((resolve) =>
                setPicking({ kind, resolve: (picked) => resolve(picked ? pickedOf(picked) : null) }),
              )
            }
          />
        ) : null}
      </div>
      {valid ? null : <p className="bc-field__error">{t('itemInvalid')}</p>}
      <div className="bc-dialog__actions">
        <button type="button" className="bc-button bc-button--quiet" onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="button" className="bc-button" disabled={!valid} onClick={() => onApply({ ...item, props })}>
          {t('applyItem')}
        </button>
      </div>
      {picking ? (
        <LibraryPicker
          kind={picking.kind}
          onPicked={(picked) => {
            picking.resolve(picked);
            setPicking(null);
          }}
          onClose={() => {
            picking.resolve(null);
            setPicking(null);
          }}
        />
      ) : null}
    </Dialog>
  );
}

/** A new item of a type, with the type's defaults (a picture's file is then picked in its editor). */
export function newItem(type: string): CreateLoopItem {
  const definition = getContentType(type);
  return {
    type,
    durationMs: definition?.duration.defaultMs ?? 10_000,
    props: { ...((definition?.defaults ?? {}) as Record<string, unknown>) },
    sample: false,
  };
}
