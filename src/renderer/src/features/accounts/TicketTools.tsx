import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  CopyButton,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AppView,
  type GeneratedTicket,
  generatePrivateMapKeySchema,
  generateUserSigSchema,
  type TicketInspection,
} from '../../../../shared/contract/accounts';
import { privilegeBits } from '../../../../shared/trtc/identifiers';
import { invoke } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { useSelectedApp } from './accounts-store';
import { useAction } from './use-action';

export function TicketTools({ apps }: { apps: AppView[] }) {
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <GenerateCard apps={apps} />
      <VerifyCard apps={apps} />
    </SimpleGrid>
  );
}

type Kind = 'userSig' | 'privateMapKey';

function GenerateCard({ apps }: { apps: AppView[] }) {
  const { t } = useTranslation('accounts');
  const format = useFormat();
  const selected = useSelectedApp();
  const [appId, setAppId] = useState<string | null>(null);
  const app = apps.find((candidate) => candidate.id === (appId ?? selected?.id));
  const [kind, setKind] = useState<Kind>('userSig');
  const [userId, setUserId] = useState('');
  const [expiry, setExpiry] = useState<number>(600);
  const [roomType, setRoomType] = useState<'numeric' | 'string'>('numeric');
  const [roomId, setRoomId] = useState('');
  const [privileges, setPrivileges] = useState(255);
  // The ticket lives only here, only after the user asked for it, and goes when hidden or unmounted.
  const [ticket, setTicket] = useState<GeneratedTicket | null>(null);
  const { busy, run } = useAction();

  const effectiveUserId = userId || (app ? `${app.defaults.robotUserIdPrefix}1` : '');
  const room = roomType === 'numeric' ? { type: 'numeric' as const, id: Number(roomId) } : { type: 'string' as const, id: roomId };
  const input = { appId: app?.id ?? '', userId: effectiveUserId, expirySeconds: expiry };
  const check =
    kind === 'userSig' ? generateUserSigSchema.safeParse(input) : generatePrivateMapKeySchema.safeParse({ ...input, room, privileges });
  const issue = (field: string) =>
    check.success ? undefined : check.error.issues.find((candidate) => candidate.path[0] === field)?.message;

  const generate = async () => {
    setTicket(null);
    const value = await run(() =>
      kind === 'userSig'
        ? invoke('accounts.generateUserSig', input)
        : invoke('accounts.generatePrivateMapKey', { ...input, room, privileges }),
    );
    if (value) setTicket(value);
  };

  return (
    <Card withBorder component="section" aria-labelledby="generate-title">
      <Title order={3} size="h5" id="generate-title" mb="sm">
        {t('tools.generateTitle')}
      </Title>
      <Stack gap="sm">
        <AppSelect apps={apps} value={app?.id ?? null} onChange={setAppId} label={t('tools.app')} />
        {app && app.hasSdkSecretKey === false ? <Alert color="orange">{t('tools.noSdkKey')}</Alert> : null}
        <div>
          <Text size="sm" fw={500} id="ticket-kind-label" mb={4}>
            {t('tools.kind')}
          </Text>
          <SegmentedControl
            aria-labelledby="ticket-kind-label"
            value={kind}
            onChange={(value) => setKind(value as Kind)}
            data={(['userSig', 'privateMapKey'] as const).map((value) => ({ value, label: t(`tools.kinds.${value}`) }))}
          />
        </div>
        <Group grow align="flex-start">
          <TextInput
            label={t('tools.userId')}
            value={effectiveUserId}
            onChange={(event) => setUserId(event.currentTarget.value)}
            error={effectiveUserId ? issue('userId') : undefined}
          />
          <NumberInput
            label={t('tools.expiry')}
            value={expiry}
            min={60}
            allowDecimal={false}
            onChange={(value) => setExpiry(typeof value === 'number' ? value : Number(value))}
            error={issue('expirySeconds')}
          />
        </Group>
        {kind === 'privateMapKey' ? (
          <>
            <Group grow align="flex-start">
              <Select
                label={t('tools.roomType')}
                allowDeselect={false}
                value={roomType}
                onChange={(value) => value && setRoomType(value as 'numeric' | 'string')}
                data={(['numeric', 'string'] as const).map((value) => ({ value, label: t(`tools.roomTypes.${value}`) }))}
              />
              <TextInput
                label={t('tools.roomId')}
                value={roomId}
                onChange={(event) => setRoomId(event.currentTarget.value)}
                error={roomId ? issue('room') : undefined}
              />
            </Group>
            <PrivilegeBoxes value={privileges} onChange={setPrivileges} />
          </>
        ) : null}
        <Text size="xs" c="dimmed">
          {t('tools.launchNote')}
        </Text>
        <Group>
          <Button onClick={generate} loading={busy} disabled={!check.success || app?.hasSdkSecretKey === false}>
            {t('tools.generate')}
          </Button>
        </Group>
        {ticket ? (
          <Stack gap={4}>
            <Textarea label={t('tools.generated')} value={ticket.ticket} readOnly autosize maxRows={6} data-testid="generated-ticket" />
            <Text size="xs" c="dimmed">
              {ticket.userId} · {ticket.sdkAppId} · {t('tools.result.expiresAt')} {format.dateTime(ticket.expiresAt)}
            </Text>
            <Group gap="xs">
              <CopyButton value={ticket.ticket}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {copied ? t('common:actions.copied') : t('common:actions.copy')}
                  </Button>
                )}
              </CopyButton>
              <Button size="xs" variant="default" onClick={() => setTicket(null)}>
                {t('tools.hide')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}

function PrivilegeBoxes({ value, onChange, readOnly }: { value: number; onChange?(value: number): void; readOnly?: boolean }) {
  const { t } = useTranslation('accounts');
  return (
    <Checkbox.Group label={t('tools.privileges')} value={privilegeBits.filter(({ bit }) => (value & bit) !== 0).map(({ name }) => name)}>
      <SimpleGrid cols={2} spacing={4} mt={4}>
        {privilegeBits.map(({ name, bit }) => (
          <Checkbox
            key={name}
            value={name}
            label={`${t(`tools.privilege.${name}`)} (${bit})`}
            disabled={readOnly}
            onChange={(event) => onChange?.(event.currentTarget.checked ? value | bit : value & ~bit)}
          />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}

function AppSelect({
  apps,
  value,
  onChange,
  label,
  allowAuto,
}: {
  apps: AppView[];
  value: string | null;
  onChange(value: string | null): void;
  label: string;
  allowAuto?: string;
}) {
  const data = apps.map((app) => ({ value: app.id, label: `${app.label} (${app.sdkAppId})` }));
  return (
    <Select
      label={label}
      data={allowAuto ? [{ value: '', label: allowAuto }, ...data] : data}
      value={value ?? (allowAuto ? '' : null)}
      onChange={(next) => onChange(next || null)}
      allowDeselect={false}
      searchable={apps.length > 5}
    />
  );
}

function VerifyCard({ apps }: { apps: AppView[] }) {
  const { t } = useTranslation('accounts');
  const [ticket, setTicket] = useState('');
  const [appId, setAppId] = useState<string | null>(null);
  const [result, setResult] = useState<TicketInspection | null>(null);
  const { busy, run } = useAction();

  const verify = async () => {
    setResult(null);
    const value = await run(() => invoke('accounts.verifyTicket', { ticket: ticket.trim(), ...(appId ? { appId } : {}) }));
    if (value) setResult(value);
  };

  return (
    <Card withBorder component="section" aria-labelledby="verify-title">
      <Title order={3} size="h5" id="verify-title" mb="sm">
        {t('tools.verifyTitle')}
      </Title>
      <Stack gap="sm">
        <Textarea
          label={t('tools.paste')}
          value={ticket}
          onChange={(event) => setTicket(event.currentTarget.value)}
          autosize
          minRows={3}
          maxRows={6}
          autoComplete="off"
          spellCheck={false}
        />
        <AppSelect apps={apps} value={appId} onChange={setAppId} label={t('tools.checkWith')} allowAuto={t('tools.checkWithAuto')} />
        <Group>
          <Button onClick={verify} loading={busy} disabled={ticket.trim().length < 8}>
            {t('tools.verify')}
          </Button>
        </Group>
        {result ? <Inspection result={result} /> : null}
      </Stack>
    </Card>
  );
}

function Inspection({ result }: { result: TicketInspection }) {
  const { t } = useTranslation('accounts');
  const format = useFormat();
  const label = result.checkedWith?.label ?? '';
  const row = (name: string, value: React.ReactNode, testId?: string) => (
    <Table.Tr>
      <Table.Th>{name}</Table.Th>
      <Table.Td data-testid={testId}>{value}</Table.Td>
    </Table.Tr>
  );
  const room = result.privateMap?.room;
  return (
    <Stack gap="xs" data-testid="ticket-inspection">
      <Group gap="xs">
        <Badge color={result.valid ? 'green' : 'red'} data-testid="ticket-valid" data-valid={String(result.valid)}>
          {result.valid ? t('tools.result.valid') : t('tools.result.invalid')}
        </Badge>
        <Badge color={result.expired ? 'red' : 'green'} variant="light">
          {result.expired ? t('tools.result.expired') : t('tools.result.notExpired')}
        </Badge>
      </Group>
      <Table withRowBorders={false} verticalSpacing={2}>
        <Table.Tbody>
          {row(t('tools.result.kind'), t(`tools.kinds.${result.kind}`))}
          {row(t('tools.result.userId'), result.userId, 'ticket-user-id')}
          {row(t('tools.result.sdkAppId'), result.sdkAppId, 'ticket-sdk-app-id')}
          {row(t('tools.result.issuedAt'), format.dateTime(result.issuedAt))}
          {row(t('tools.result.expiresAt'), format.dateTime(result.expiresAt))}
          {row(t('tools.result.signature'), t(`tools.result.signatures.${result.signature}`, { label }), 'ticket-signature')}
          {room ? row(t('tools.result.room'), `${t(`tools.roomTypes.${room.type}`)}: ${room.id}`, 'ticket-room') : null}
        </Table.Tbody>
      </Table>
      {result.privateMap ? <PrivilegeBoxes value={result.privateMap.privileges} readOnly /> : null}
      {result.warnings.length > 0 ? (
        <Alert color="orange" title={t('tools.result.warnings')}>
          {result.warnings.map((warning) => (
            <Text key={warning} size="sm">
              {warning}
            </Text>
          ))}
        </Alert>
      ) : null}
    </Stack>
  );
}
