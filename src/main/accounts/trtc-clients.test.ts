import { describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../secrets/memory-store';
import type { SecretStore } from '../secrets/secret-store';
import { accountsForTest, sampleProfile } from './test-support/accounts-test-kit';

/** Counts keychain reads, to show which client lookups reach the keychain. */
function countingStore(): { store: SecretStore; reads: () => number } {
  const inner = new MemorySecretStore();
  let reads = 0;
  const store: SecretStore = {
    get: (key) => {
      reads++;
      return inner.get(key);
    },
    set: (key, value) => inner.set(key, value),
    delete: (key) => inner.delete(key),
    list: () => inner.list(),
    status: () => inner.status(),
  };
  return { store, reads: () => reads };
}

describe('TrtcClients', () => {
  it('keeps one client per profile and region, so a launch reads no key and reuses the connection', async () => {
    const { store, reads } = countingStore();
    const { accounts } = await accountsForTest(store);
    const profile = await accounts.service.addProfile({ ...sampleProfile(), secretKey: 'first-secret-key-000000000000' });
    const before = reads();

    const tokyo = await accounts.clients.forProfile(profile.id, 'ap-tokyo');
    expect(tokyo.region).toBe('ap-tokyo');
    expect(await accounts.clients.forProfile(profile.id, 'ap-tokyo')).toBe(tokyo);
    const home = await accounts.clients.forProfile(profile.id);
    expect(home.region).toBe('ap-singapore');
    expect(home).not.toBe(tokyo);
    expect(reads() - before).toBe(2);

    // A replaced SecretKey drops every region's client: the next one reads the new key.
    await accounts.service.setProfileSecret({ id: profile.id, secretKey: 'second-secret-key-00000000000' });
    const fresh = await accounts.clients.forProfile(profile.id, 'ap-tokyo');
    expect(fresh).not.toBe(tokyo);
    expect(reads() - before).toBe(3);
    accounts.clients.close();
  });

  it("keeps a task's site when the profile moved to the other one, and refuses a region its site lacks", async () => {
    const { accounts } = await accountsForTest(new MemorySecretStore());
    const profile = await accounts.service.addProfile({ ...sampleProfile(), secretKey: 'first-secret-key-000000000000' });
    const onChina = await accounts.clients.forProfile(profile.id, 'ap-beijing', 'china');
    expect(onChina.endpoint.signedAs).toBe('trtc.tencentcloudapi.com');
    expect(onChina.region).toBe('ap-beijing');
    // ap-beijing is not an international region: refused before anything is sent.
    await expect(accounts.clients.forProfile(profile.id, 'ap-beijing')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    accounts.clients.close();
  });
});
