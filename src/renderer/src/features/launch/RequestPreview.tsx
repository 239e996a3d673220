import { Alert, Button, Card, Code, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../../../shared/contract';
import type { LaunchPreview, LaunchSource } from '../../../../shared/contract/launch';
import { call } from '../../api/client';
import { TargetLine, useTarget } from '../../app/Target';

/**
 * "See before you send": the exact StartStreamIngest body main would send (tickets redacted) and the
 * equivalent tccli command, both copyable; built by main with the same code as the real launch.
 */
export function RequestPreview({ source }: { source: LaunchSource | null }) {
  const { t } = useTranslation('launch');
  const [preview, setPreview] = useState<LaunchPreview | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const key = JSON.stringify(source);

  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for source's content
  useEffect(() => {
    if (!source) {
      setPreview(null);
      return;
    }
    let live = true;
    // Debounced: the form changes on every keystroke.
    const timer = setTimeout(() => {
      void call('launch.preview', { source }).then((result) => {
        if (!live) return;
        setPreview(result.ok ? result.value : null);
        setError(result.ok ? null : result.error);
      });
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);

  const body = preview ? JSON.stringify(preview.body, null, 2) : '';
  return (
    <Card withBorder component="section" aria-labelledby="preview-title" data-testid="request-preview">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5" id="preview-title">
          {t('preview.title')}
        </Title>
      </Group>
      {preview ? <PreviewTarget sdkAppId={Number(preview.body.SdkAppId)} region={preview.region} /> : null}
      {!source ? <Text size="sm">{t('preview.invalid')}</Text> : null}
      {source && error ? (
        <Alert color="orange">
          {t(`common:errors.${error.code}`)} {error.message}
        </Alert>
      ) : null}
      {source && preview ? (
        <Stack gap="xs">
          {preview.problems.map((problem) => (
            <Alert key={`${problem.path}:${problem.message}`} color="red" data-testid="preview-problem">
              {t(problem.message)}
            </Alert>
          ))}
          {preview.guards.unboundedLoop ? (
            <Alert color="orange" data-testid="guard-loop">
              {t('guards.unboundedLoop')}
            </Alert>
          ) : null}
          {preview.guards.autoPush ? (
            <Alert color="blue" data-testid="guard-autopush">
              {t('guards.autoPush')}
            </Alert>
          ) : null}
          {preview.sandbox ? (
            <Text size="xs" c="dimmed">
              {t('preview.sandbox')}
            </Text>
          ) : null}
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              {t('preview.body')}
            </Text>
            <CopyButton value={body}>
              {({ copied, copy }) => (
                <Button size="compact-xs" variant="light" onClick={copy}>
                  {copied ? t('common:actions.copied') : t('preview.copyBody')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Code block data-testid="preview-body" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {body}
          </Code>
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              {t('preview.command')}
            </Text>
            <CopyButton value={preview.command}>
              {({ copied, copy }) => (
                <Button size="compact-xs" variant="light" onClick={copy}>
                  {copied ? t('common:actions.copied') : t('preview.copyCommand')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Code block data-testid="preview-command" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {preview.command}
          </Code>
        </Stack>
      ) : null}
    </Card>
  );
}

function PreviewTarget({ sdkAppId, region }: { sdkAppId: number; region: string }) {
  return <TargetLine target={useTarget({ sdkAppId, region })} />;
}
