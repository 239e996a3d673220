import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaEntry } from '../../../../shared/contract/media';
import { invoke } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { previewKind } from './preview-kind';

/**
 * Plays an entry in the page: MP4/WebM natively, HLS through hls.js, FLV through mpegts.js (both
 * loaded only when needed). Nothing is requested until the user presses Preview. What the player
 * learns (duration, resolution) is reported back to the entry.
 */
export function PreviewPlayer({ entry }: { entry: MediaEntry }) {
  const { t } = useTranslation('media');
  const [playing, setPlaying] = useState(false);
  const kind = previewKind(entry);

  // Another entry, another preview.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the entry or its URL changes
  useEffect(() => setPlaying(false), [entry.id, entry.url]);

  return (
    <Stack gap="xs" component="section" aria-labelledby="preview-title">
      <Group justify="space-between">
        <Title order={3} size="h5" id="preview-title">
          {t('preview.title')}
        </Title>
        {kind !== 'rtmp' ? (
          <Button size="xs" variant="light" onClick={() => setPlaying((value) => !value)}>
            {playing ? t('actions.stopPreview') : t('actions.preview')}
          </Button>
        ) : null}
      </Group>
      {kind === 'rtmp' ? (
        <Alert color="gray" data-testid="preview-rtmp">
          {t('preview.rtmp')}
        </Alert>
      ) : null}
      {playing && kind !== 'rtmp' ? <Player entry={entry} kind={kind} /> : null}
      <PreviewFacts entry={entry} />
    </Stack>
  );
}

function Player({ entry, kind }: { entry: MediaEntry; kind: 'native' | 'hls' | 'flv' }) {
  const { t } = useTranslation('media');
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    let disposed = false;
    let dispose: () => void = () => {};
    setError(null);
    const start = async () => {
      const playNatively = () => {
        element.src = entry.url;
        dispose = () => {
          element.removeAttribute('src');
          element.load();
        };
      };
      if (kind === 'native') return playNatively();
      if (kind === 'hls') {
        // hls.js first, so the app behaves the same wherever Media Source exists; native HLS is the fallback.
        const { default: Hls } = await import('hls.js');
        if (disposed) return;
        if (!Hls.isSupported()) {
          if (element.canPlayType('application/vnd.apple.mpegurl') !== '') return playNatively();
          return setError(t('preview.unsupported'));
        }
        const hls = new Hls({ enableWorker: true });
        hls.on(Hls.Events.ERROR, (_event, data) => {
          if (data.fatal) setError(t('preview.failed', { message: data.details }));
        });
        hls.loadSource(entry.url);
        hls.attachMedia(element);
        dispose = () => hls.destroy();
        return;
      }
      const { default: mpegts } = await import('mpegts.js');
      if (disposed) return;
      if (!mpegts.isSupported()) return setError(t('preview.unsupported'));
      const player = mpegts.createPlayer({ type: 'flv', url: entry.url });
      player.on(mpegts.Events.ERROR, (type: string, detail: string) => setError(t('preview.failed', { message: `${type} ${detail}` })));
      player.attachMediaElement(element);
      player.load();
      dispose = () => player.destroy();
    };
    void start();
    return () => {
      disposed = true;
      dispose();
    };
  }, [entry.url, kind, t]);

  const onLoadedMetadata = () => {
    const element = video.current;
    if (!element) return;
    const duration = Number.isFinite(element.duration) ? Math.round(element.duration * 1000) / 1000 : null;
    void invoke('media.reportPreview', {
      id: entry.id,
      durationSeconds: duration,
      width: element.videoWidth || null,
      height: element.videoHeight || null,
    }).catch(() => undefined);
  };

  return (
    <>
      <video
        ref={video}
        controls
        muted
        playsInline
        preload="metadata"
        aria-label={t('preview.player', { name: entry.name })}
        data-testid="preview-video"
        onLoadedMetadata={onLoadedMetadata}
        onError={() =>
          setError(t('preview.failed', { message: video.current?.error?.message || String(video.current?.error?.code ?? '') }))
        }
        style={{ width: '100%', maxHeight: 240, background: 'black', borderRadius: 4 }}
      />
      {error ? (
        <Alert color="red" data-testid="preview-error">
          {error}
        </Alert>
      ) : null}
    </>
  );
}

function PreviewFacts({ entry }: { entry: MediaEntry }) {
  const { t } = useTranslation('media');
  const format = useFormat();
  const preview = entry.preview;
  if (!preview) return null;
  const duration = preview.durationSeconds === null ? t('preview.live') : format.duration(preview.durationSeconds * 1000);
  const resolution = preview.width && preview.height ? `${preview.width}×${preview.height}` : t('preview.unknown');
  return (
    <Text size="sm" data-testid="preview-facts">
      {t('preview.reported', { duration, resolution })}
    </Text>
  );
}
