// The regions where Amazon Connect Customer Profiles (SigV4 service `profile`) has an endpoint, for the region picker.
// Nothing in node_modules says which service runs where (the SDK's partition data lists every region of the
// partition, not per service), so this is the one list: botocore 1.43 data/endpoints.json `services.profile` of
// partition `aws` (the only partition with the service), without the fips-* aliases; names as the SDK's partition
// data spells them. test/client/regions.test.ts checks the codes and names against the SDK's partition data.
export interface ServiceRegion {
  readonly code: string;
  readonly name: string;
}

export const CUSTOMER_PROFILES_REGIONS: readonly ServiceRegion[] = [
  { code: 'us-east-1', name: 'US East (N. Virginia)' },
  { code: 'us-west-2', name: 'US West (Oregon)' },
  { code: 'ca-central-1', name: 'Canada (Central)' },
  { code: 'eu-central-1', name: 'Europe (Frankfurt)' },
  { code: 'eu-west-2', name: 'Europe (London)' },
  { code: 'af-south-1', name: 'Africa (Cape Town)' },
  { code: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)' },
  { code: 'ap-northeast-2', name: 'Asia Pacific (Seoul)' },
  { code: 'ap-southeast-1', name: 'Asia Pacific (Singapore)' },
  { code: 'ap-southeast-2', name: 'Asia Pacific (Sydney)' },
];

/** The regions in picker order: the remembered one first, the rest as listed. */
export function regionsForPicker(remembered: string | undefined): ServiceRegion[] {
  const first = CUSTOMER_PROFILES_REGIONS.filter((r) => r.code === remembered);
  return [...first, ...CUSTOMER_PROFILES_REGIONS.filter((r) => r.code !== remembered)];
}
