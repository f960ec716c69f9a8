import type { PickedAsset } from '@baruga/content/browser';
import type { LibraryItem } from '@baruga/protocol';
import { useT } from '../i18n/catalogue';
import { Dialog } from '../ui/dialog';
import { LibraryBrowser } from './library-page';

/** What an editor receives when the operator picks a file: the asset to put in its props, and a thumbnail to show. */
export function pickedOf(item: LibraryItem): PickedAsset {
  return { asset: item.asset ?? '', poster: item.poster, thumbnail: item.thumbnail ?? item.poster, name: item.name };
}

/** The library as a dialog for the content editors' "choose from the library" (pictures or videos only). */
export function LibraryPicker({
  kind,
  onPicked,
  onClose,
}: {
  kind: 'image' | 'video';
  onPicked: (item: LibraryItem) => void;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Dialog title={t('pickFromLibrary')} onClose={onClose} wide>
      <LibraryBrowser kinds={[kind]} onPick={onPicked} />
    </Dialog>
  );
}
