import { Alert, Box, Button, Checkbox, FileButton, Group, Modal, ScrollArea, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ImportFormat, type ImportRejection, type ImportReport, importFormats } from '../../../../shared/contract/media';
import { detectImportFormat } from '../../../../shared/media/formats';
import { mediaUrlProblems } from '../../../../shared/media/url-rules';
import { invoke } from '../../api/client';
import { describeError } from './errors';

/** Files over this are refused in the page (the browser host also caps a request at 1 MiB). */
const maxFileBytes = 4 * 1024 * 1024;

export function ImportModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation('media');
  return (
    <Modal opened={opened} onClose={onClose} title={t('import.title')} size="xl">
      {opened ? <ImportForm onClose={onClose} /> : null}
    </Modal>
  );
}

function ImportForm({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('media');
  const [text, setText] = useState('');
  const [format, setFormat] = useState<ImportFormat>('text');
  const [probe, setProbe] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (file: File | null) => {
    if (!file) return;
    if (file.size > maxFileBytes) return setError(t('import.tooLarge', { size: '4 MiB' }));
    const content = await file.text();
    setText(content);
    setFormat(detectImportFormat(file.name, content));
    setError(null);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    void load(event.dataTransfer.files[0] ?? null);
  };

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setReport(await invoke('media.import', { format, text, probe }));
    } catch (caught) {
      setError(describeError(t, caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <Box onDragOver={(event) => event.preventDefault()} onDrop={onDrop} data-testid="import-drop">
        <Textarea
          label={t('import.paste')}
          description={t('import.drop')}
          value={text}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setText(value);
            setFormat(detectImportFormat(null, value));
          }}
          autosize
          minRows={6}
          maxRows={14}
          spellCheck={false}
          styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
        />
      </Box>
      <Group align="flex-end">
        <FileButton onChange={(file) => void load(file)} accept=".txt,.csv,.json,.m3u,.m3u8,text/plain,text/csv,application/json">
          {(props) => (
            <Button variant="default" {...props}>
              {t('import.choose')}
            </Button>
          )}
        </FileButton>
        <Select
          label={t('import.format')}
          value={format}
          allowDeselect={false}
          onChange={(value) => value && setFormat(value as ImportFormat)}
          data={importFormats.map((value) => ({ value, label: t(`import.formats.${value}`) }))}
        />
        <Checkbox label={t('import.probe')} checked={probe} onChange={(event) => setProbe(event.currentTarget.checked)} />
      </Group>
      {error ? <Alert color="red">{error}</Alert> : null}
      {report ? <ImportResult report={report} /> : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('actions.close')}
        </Button>
        <Button onClick={run} loading={busy} disabled={text.trim() === ''}>
          {t('import.run')}
        </Button>
      </Group>
    </Stack>
  );
}

function ImportResult({ report }: { report: ImportReport }) {
  const { t } = useTranslation('media');
  return (
    <Stack gap="xs" data-testid="import-report">
      <Text fw={500} role="status">
        {t('import.result', { added: report.added, rejected: report.rejected.length })}
      </Text>
      {report.rejected.length > 0 ? (
        <ScrollArea.Autosize mah={240}>
          <Table fz="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.line')}</Table.Th>
                <Table.Th>{t('import.text')}</Table.Th>
                <Table.Th>{t('import.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.rejected.slice(0, 500).map((row) => (
                <Table.Tr key={`${row.line}-${row.text}`} data-testid="import-rejected">
                  <Table.Td>{row.line}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{row.text}</Table.Td>
                  <Table.Td>{reason(t, row)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      ) : null}
    </Stack>
  );
}

function reason(t: ReturnType<typeof useTranslation<'media'>>['t'], row: ImportRejection): string {
  const base = (mediaUrlProblems as readonly string[]).includes(row.problem)
    ? t(`urlProblems.${row.problem as (typeof mediaUrlProblems)[number]}`)
    : t(`import.problems.${row.problem as 'duplicate'}`);
  return row.detail ? `${base} (${row.detail})` : base;
}
