// The region picker's list, checked against the partition data the SDK signs and routes with.
import * as assert from 'node:assert/strict';
import { partition } from '@aws-sdk/util-endpoints';
import { CUSTOMER_PROFILES_REGIONS, regionsForPicker } from '../../client/src/submit/regions';

describe('Customer Profiles regions', () => {
  it('are regions of the aws partition, named as the SDK names them', () => {
    for (const r of CUSTOMER_PROFILES_REGIONS) {
      const p = partition(r.code) as { name: string; description?: string };
      assert.equal(p.name, 'aws', `${r.code} is in the aws partition`);
      assert.equal(p.description, r.name, `${r.code} is "${p.description}" in the SDK`);
    }
    assert.equal(new Set(CUSTOMER_PROFILES_REGIONS.map((r) => r.code)).size, CUSTOMER_PROFILES_REGIONS.length);
  });

  it('put the remembered region first and keep every region once', () => {
    const order = regionsForPicker('eu-west-2').map((r) => r.code);
    assert.equal(order[0], 'eu-west-2');
    assert.deepEqual([...order].sort(), CUSTOMER_PROFILES_REGIONS.map((r) => r.code).sort());
    assert.deepEqual(regionsForPicker('mars-1'), [...CUSTOMER_PROFILES_REGIONS]);
  });
});
