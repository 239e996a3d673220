import { Alert, Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConnectionTestResult } from '../../../../shared/contract/accounts';

const verdictColour = {
  valid: 'green',
  'clock-skew': 'orange',
  'not-authorized': 'orange',
  'auth-failed': 'red',
  unreachable: 'red',
} as const;

/** What "Test connection" found: verdict, code, RequestId, latency, and what to do about it. */
export function ConnectionResult({ result }: { result: ConnectionTestResult }) {
  const { t } = useTranslation('accounts');
  return (
    <Alert
      color={verdictColour[result.verdict]}
      title={
        <Group gap="xs">
          <span>{t('test.title')}:</span>
          <Badge color={verdictColour[result.verdict]} data-testid="connection-verdict" data-verdict={result.verdict}>
            {t(`test.verdict.${result.verdict}`)}
          </Badge>
          {result.sandbox ? <Badge color="grape">{t('sandbox.badge')}</Badge> : null}
        </Group>
      }
      data-testid="connection-result"
    >
      <Text size="sm" mb="xs">
        {t(`test.hint.${result.verdict}`)}
      </Text>
      <Table withRowBorders={false} verticalSpacing={2}>
        <Table.Tbody>
          {result.code ? (
            <Table.Tr>
              <Table.Th>{t('test.code')}</Table.Th>
              <Table.Td data-testid="connection-code">{result.code}</Table.Td>
            </Table.Tr>
          ) : null}
          {result.requestId ? (
            <Table.Tr>
              <Table.Th>{t('test.requestId')}</Table.Th>
              <Table.Td data-testid="connection-request-id">{result.requestId}</Table.Td>
            </Table.Tr>
          ) : null}
          <Table.Tr>
            <Table.Th>{t('test.latency')}</Table.Th>
            <Table.Td data-testid="connection-latency">{t('test.latencyValue', { ms: result.latencyMs })}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('test.endpoint')}</Table.Th>
            <Table.Td>
              {result.endpoint} · {result.region}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {result.verdict !== 'valid' ? (
        <Text size="xs" c="dimmed" mt="xs">
          {result.message}
        </Text>
      ) : null}
    </Alert>
  );
}
