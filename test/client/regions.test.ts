// The region picker's list, checked against the partition data the SDK signs and routes with and against the
// endpoint data of the AWS CLI installed here; and the region codes a user may type by hand.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { partition } from '@aws-sdk/util-endpoints';
import {
  CUSTOMER_PROFILES_REGIONS,
  REGION_CODE,
  TYPED_REGION_NAME,
  regionsForPicker,
  typedRegionCode,
} from '../../client/src/aws/regions';
import { ROOT } from '../support/root';

// Debian's awscli v2 (apt-get install awscli; .ci/run installs it, test/aws/wire.test.ts needs it too).
const BOTOCORE_ENDPOINTS = '/usr/lib/python3/dist-packages/awscli/botocore/data/endpoints.json';

interface BotocoreEndpoints {
  partitions: {
    partition: string;
    regions: Record<string, unknown>;
    services: Record<string, { endpoints: Record<string, { deprecated?: boolean }> }>;
  }[];
}

function botocoreEndpoints(): BotocoreEndpoints {
  assert.ok(existsSync(BOTOCORE_ENDPOINTS), `${BOTOCORE_ENDPOINTS} is missing: install it with apt-get install awscli`);
  return JSON.parse(readFileSync(BOTOCORE_ENDPOINTS, 'utf8')) as BotocoreEndpoints;
}

const codes = () => CUSTOMER_PROFILES_REGIONS.map((r) => r.code);

describe('Customer Profiles regions', () => {
  it('are regions of the aws partition, named as the SDK names them', () => {
    for (const r of CUSTOMER_PROFILES_REGIONS) {
      const p = partition(r.code) as { name: string; description?: string };
      assert.equal(p.name, 'aws', `${r.code} is in the aws partition`);
      assert.equal(p.description, r.name, `${r.code} is "${p.description}" in the SDK`);
    }
    assert.equal(new Set(codes()).size, CUSTOMER_PROFILES_REGIONS.length);
  });

  it("include every region where the AWS CLI's endpoint data has Customer Profiles (service `profile`)", () => {
    const withService = botocoreEndpoints().partitions.flatMap((p) =>
      Object.entries(p.services.profile?.endpoints ?? {})
        .filter(([code, e]) => !e.deprecated && REGION_CODE.test(code))
        .map(([code]) => code),
    );
    assert.ok(withService.length > 0, 'the endpoint data lists the service');
    assert.deepEqual(
      withService.filter((code) => !codes().includes(code)),
      [],
      'regions missing from CUSTOMER_PROFILES_REGIONS',
    );
  });

  it('put the remembered region first and keep every region once', () => {
    const order = regionsForPicker('eu-west-2').map((r) => r.code);
    assert.equal(order[0], 'eu-west-2');
    assert.deepEqual([...order].sort(), [...codes()].sort());
    assert.deepEqual(regionsForPicker('mars-1'), [...CUSTOMER_PROFILES_REGIONS]);
  });

  it('take a well-formed region code typed by hand that the list lacks, first, without waiting for a release', () => {
    assert.deepEqual(regionsForPicker('eu-west-2', ' MX-Central-1 ').slice(0, 2), [
      { code: 'mx-central-1', name: TYPED_REGION_NAME },
      CUSTOMER_PROFILES_REGIONS.find((r) => r.code === 'eu-west-2'),
    ]);
    // a listed region typed is not offered twice; a half-typed or malformed code is not offered
    for (const typed of ['us-east-1', 'US-EAST-1', 'us-east', 'us east 1', 'useast1', 'us-east-1a', '-1']) {
      assert.deepEqual(regionsForPicker(undefined, typed), [...CUSTOMER_PROFILES_REGIONS], typed);
    }
  });

  it('accept every region of every partition as well-formed, and the region setting accepts the same codes', () => {
    const all = botocoreEndpoints().partitions.flatMap((p) => Object.keys(p.regions));
    assert.ok(all.includes('us-gov-west-1') && all.includes('cn-north-1'), 'the data has several partitions');
    for (const code of all) assert.equal(typedRegionCode(code), code, code);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const setting = manifest.contributes.configuration.properties['cpworkflow.aws.region'];
    const pattern = new RegExp(setting.pattern);
    for (const code of [...all, 'mx-central-1', 'us-east', 'US-EAST-1', 'useast1', 'us-east-1a']) {
      assert.equal(pattern.test(code), REGION_CODE.test(code), code);
    }
    assert.ok(pattern.test(''), 'the setting may be empty');
  });
});
