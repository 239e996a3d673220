import { Badge, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from './use-action';

interface SecretFieldProps {
  label: string;
  /** true / false, or null when the keychain cannot say. */
  isSet: boolean | null;
  onSave(value: string, secretId?: string): Promise<unknown>;
  onClear(): Promise<unknown>;
  /** Profiles can replace the SecretId together with the SecretKey. */
  withSecretId?: boolean;
  testId: string;
}

/**
 * A write-only secret: shows only whether it is set, offers set/replace/clear. What the user types
 * lives in this component until saved and is dropped right after; nothing is ever read back.
 */
export function SecretField({ label, isSet, onSave, onClear, withSecretId, testId }: SecretFieldProps) {
  const { t } = useTranslation('accounts');
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const [secretId, setSecretId] = useState('');
  const { busy, run } = useAction();

  const close = () => {
    setValue('');
    setSecretId('');
    setEditing(false);
  };
  const save = async () => {
    const done = await run(() => onSave(value, secretId.trim() || undefined), t('secret.saved'));
    if (done !== undefined) close();
  };
  const clear = async () => {
    if (!window.confirm(t('secret.confirmClear'))) return;
    await run(onClear, t('secret.cleared'));
  };

  return (
    <Stack gap={4} data-testid={testId}>
      <Group gap="xs">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Badge
          size="sm"
          color={isSet ? 'green' : isSet === null ? 'gray' : 'orange'}
          variant="light"
          data-testid={`${testId}-state`}
          data-state={isSet === null ? 'unknown' : isSet ? 'set' : 'unset'}
        >
          {isSet === null ? t('secret.unknown') : isSet ? t('secret.set') : t('secret.notSet')}
        </Badge>
        {!editing ? (
          <>
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => setEditing(true)}
              aria-label={`${isSet ? t('secret.replaceAction') : t('secret.setAction')} ${label}`}
            >
              {isSet ? t('secret.replaceAction') : t('secret.setAction')}
            </Button>
            {isSet ? (
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={clear}
                loading={busy}
                aria-label={`${t('secret.clearAction')} ${label}`}
              >
                {t('secret.clearAction')}
              </Button>
            ) : null}
          </>
        ) : null}
      </Group>
      {editing ? (
        <Stack
          gap={6}
          component="form"
          onSubmit={(event: React.FormEvent) => {
            event.preventDefault();
            void save();
          }}
        >
          {withSecretId ? (
            <TextInput
              size="xs"
              label={t('profiles.newSecretId')}
              value={secretId}
              onChange={(event) => setSecretId(event.currentTarget.value)}
              autoComplete="off"
            />
          ) : null}
          <PasswordInput
            size="xs"
            label={label}
            description={t('secret.writeOnly')}
            value={value}
            onChange={(event) => setValue(event.currentTarget.value)}
            autoComplete="new-password"
            data-testid={`${testId}-input`}
          />
          <Group gap="xs">
            <Button size="compact-sm" type="submit" loading={busy} disabled={value.trim().length < 8}>
              {t('secret.save')}
            </Button>
            <Button size="compact-sm" variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Stack>
  );
}
