// The regions where Amazon Connect Customer Profiles (SigV4 service `profile`) has an endpoint, for the region picker.
// Nothing in node_modules says which service runs where (the SDK's endpoint ruleset builds profile.{Region}.{dnsSuffix}
// for any region, and its partition data lists every region of the partition, not per service), so this is the one
// list: botocore's data/endpoints.json `services.profile` of partition `aws` (the only partition with the service),
// without the fips-* aliases; names as the SDK's partition data spells them. test/client/regions.test.ts checks it
// against the SDK's partition data and against the endpoints.json of the AWS CLI installed here. A region the list
// does not have yet can be typed: the pickers take any well-formed region code.
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

/** A region code as AWS spells them (us-east-1, us-gov-west-1, eu-isoe-west-1); also the manifest's setting pattern. */
export const REGION_CODE = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** The region code typed into a picker, if it is one (any case, spaces around it ignored). */
export function typedRegionCode(typed: string): string | undefined {
  const code = typed.trim().toLowerCase();
  return REGION_CODE.test(code) ? code : undefined;
}

export const TYPED_REGION_NAME = 'region code as typed (not in the list of this release)';

/**
 * The regions in picker order: a well-formed code typed that the list lacks first (a region newer than this
 * release), then the remembered one, then the rest as listed.
 */
export function regionsForPicker(remembered: string | undefined, typed = ''): ServiceRegion[] {
  const code = typedRegionCode(typed);
  const listed = CUSTOMER_PROFILES_REGIONS.some((r) => r.code === code);
  const first = CUSTOMER_PROFILES_REGIONS.filter((r) => r.code === remembered);
  return [
    ...(code && !listed ? [{ code, name: TYPED_REGION_NAME }] : []),
    ...first,
    ...CUSTOMER_PROFILES_REGIONS.filter((r) => r.code !== remembered),
  ];
}
