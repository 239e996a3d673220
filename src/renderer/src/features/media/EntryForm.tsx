import { Button, Checkbox, Group, Modal, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MediaEntry, mediaLimits } from '../../../../shared/contract/media';
import { checkMediaUrl } from '../../../../shared/media/url-rules';
import { invoke } from '../../api/client';
import { describeError } from './errors';
import { useMediaView } from './media-view-store';

interface EntryFormProps {
  /** The entry to edit, or null to add one. */
  entry: MediaEntry | null;
  opened: boolean;
  onClose(): void;
}

/** Add or edit one entry. The URL is checked as typed with the same table main applies. */
export function EntryForm({ entry, opened, onClose }: EntryFormProps) {
  const { t } = useTranslation('media');
  return (
    <Modal opened={opened} onClose={onClose} title={t(entry ? 'form.editTitle' : 'form.addTitle')} size="lg">
      {opened ? <EntryFields entry={entry} onDone={onClose} /> : null}
    </Modal>
  );
}

function EntryFields({ entry, onDone }: { entry: MediaEntry | null; onDone(): void }) {
  const { t } = useTranslation('media');
  const setCurrent = useMediaView((state) => state.setCurrent);
  const [url, setUrl] = useState(entry?.url ?? '');
  const [name, setName] = useState(entry?.name ?? '');
  const [tags, setTags] = useState<string[]>(entry?.tags ?? []);
  const [notes, setNotes] = useState(entry?.notes ?? '');
  const [probe, setProbe] = useState(true);
  const [touched, setTouched] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const check = checkMediaUrl(url);
  const urlError = !check.ok && (touched || url !== '') ? t(`urlProblems.${check.problem}`) : (serverError ?? undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!check.ok) return;
    setSaving(true);
    setServerError(null);
    try {
      const saved = entry
        ? await invoke('media.update', { id: entry.id, url, name, tags, notes })
        : await invoke('media.add', { url, name, tags, notes, probe });
      setCurrent(saved.id);
      notifications.show({ color: 'green', message: t('form.saved') });
      onDone();
    } catch (error) {
      setServerError(describeError(t, error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('form.url')}
          description={t('form.urlHint')}
          required
          data-autofocus
          value={url}
          error={urlError}
          onChange={(event) => {
            setUrl(event.currentTarget.value);
            setServerError(null);
          }}
          onBlur={() => setTouched(true)}
          maxLength={2200}
          spellCheck={false}
          autoComplete="off"
        />
        <TextInput
          label={t('form.name')}
          placeholder={t('form.namePlaceholder')}
          value={name}
          maxLength={mediaLimits.name}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <TagsInput
          label={t('form.tags')}
          placeholder={t('form.tagsPlaceholder')}
          value={tags}
          onChange={setTags}
          maxTags={mediaLimits.tags}
          splitChars={[',', ';']}
          clearable
        />
        <Textarea
          label={t('form.notes')}
          value={notes}
          maxLength={mediaLimits.notes}
          autosize
          minRows={2}
          onChange={(event) => setNotes(event.currentTarget.value)}
        />
        {entry ? null : (
          <Checkbox label={t('form.probeOnAdd')} checked={probe} onChange={(event) => setProbe(event.currentTarget.checked)} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
