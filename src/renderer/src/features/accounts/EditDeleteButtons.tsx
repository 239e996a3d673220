import { Button } from '@mantine/core';
import { useAction } from './use-action';

/**
 * A card's Edit and Delete (a profile's, an app's). Delete asks the browser's confirm first; the
 * buttons' names carry the item's, so a screen reader (and a test) can tell the cards apart.
 */
export function EditDeleteButtons({
  name,
  labels,
  onEdit,
  remove,
}: {
  name: string;
  labels: { edit: string; delete: string; confirmDelete: string; deleted: string };
  onEdit(): void;
  remove(): Promise<unknown>;
}) {
  const deleting = useAction();
  const onDelete = async () => {
    if (!window.confirm(labels.confirmDelete)) return;
    await deleting.run(remove, labels.deleted);
  };
  return (
    <>
      <Button size="xs" variant="default" onClick={onEdit} aria-label={`${labels.edit}: ${name}`}>
        {labels.edit}
      </Button>
      <Button size="xs" variant="subtle" color="red" onClick={onDelete} loading={deleting.busy} aria-label={`${labels.delete}: ${name}`}>
        {labels.delete}
      </Button>
    </>
  );
}
