// Where signed requests go and as whom, in the AWS CLI's order: the caller's option, then the environment, then the
// profile's section of the shared config file. Pure and SDK-free, so the extension's status bar can apply it before
// the submission bundle (and the SDK) is loaded; resolveAwsSettings applies it with the shared files read.
import { signerFor, type Signer } from './signer';

export type SettingSource = 'option' | 'environment' | 'profile' | 'none';

/** What a caller (CLI flag, VS Code setting) may set; each wins over the environment and the profile. */
export interface AwsTargetOptions {
  profile?: string;
  region?: string;
  endpointUrl?: string;
}

export interface AwsSettingsInOrder {
  profile: string;
  /** False when neither the options nor AWS_PROFILE named a profile: environment credentials then come first. */
  profileExplicit: boolean;
  profileSource: SettingSource;
  /** Whose credentials the SDK will sign with (environment keys need both the id and the secret). */
  signer: Signer;
  region: string | undefined;
  regionSource: SettingSource;
  endpointUrl: string | undefined;
  endpointSource: SettingSource;
  /** Where AppFlow requests go: as endpointUrl, but AWS_ENDPOINT_URL_APPFLOW is that service's own variable. */
  appflowEndpointUrl: string | undefined;
  /** The environment variable each setting came from, where its source is 'environment'. */
  variables: { profile?: string; region?: string; endpointUrl?: string };
}

/** The services this product calls; each has its own AWS_ENDPOINT_URL_<SERVICE> variable (AWS CLI, SDK). */
export type AwsService = 'customer-profiles' | 'appflow';

/**
 * Profile, region and endpoint as the AWS CLI resolves them. `profileSection` gives the profile's section of the
 * shared config file; without it (files not read) region and endpoint come from options and environment only.
 */
export function awsSettingsInOrder(
  options: AwsTargetOptions,
  env: NodeJS.ProcessEnv,
  profileSection: (profile: string) => Record<string, string | undefined> | undefined = () => undefined,
): AwsSettingsInOrder {
  const named = firstOf(options.profile, env, ['AWS_PROFILE'], undefined);
  const profile = named.value ?? 'default';
  const section = profileSection(profile) ?? {};
  const region = firstOf(options.region, env, ['AWS_REGION', 'AWS_DEFAULT_REGION'], section.region);
  // AWS CLI: AWS_IGNORE_CONFIGURED_ENDPOINT_URLS disables the environment and config-file endpoints.
  const ignoreConfigured = nonEmpty(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS)?.toLowerCase() === 'true';
  const endpointFor = (serviceVariable: string) =>
    ignoreConfigured
      ? firstOf(options.endpointUrl, env, [], undefined)
      : firstOf(options.endpointUrl, env, [serviceVariable, 'AWS_ENDPOINT_URL'], section.endpoint_url);
  const endpoint = endpointFor('AWS_ENDPOINT_URL_CUSTOMER_PROFILES');
  return {
    profile,
    profileExplicit: named.value !== undefined,
    profileSource: named.source,
    signer: signerFor(named.value !== undefined, env),
    region: region.value,
    regionSource: region.source,
    endpointUrl: endpoint.value,
    endpointSource: endpoint.source,
    appflowEndpointUrl: endpointFor('AWS_ENDPOINT_URL_APPFLOW').value,
    variables: { profile: named.variable, region: region.variable, endpointUrl: endpoint.variable },
  };
}

interface Setting {
  value: string | undefined;
  source: SettingSource;
  variable?: string;
}

function firstOf(option: string | undefined, env: NodeJS.ProcessEnv, variables: string[], inProfile: unknown): Setting {
  const fromOption = nonEmpty(option);
  if (fromOption) return { value: fromOption, source: 'option' };
  for (const variable of variables) {
    const value = nonEmpty(env[variable]);
    if (value) return { value, source: 'environment', variable };
  }
  const fromProfile = typeof inProfile === 'string' ? nonEmpty(inProfile) : undefined;
  return fromProfile ? { value: fromProfile, source: 'profile' } : { value: undefined, source: 'none' };
}

export function nonEmpty(v: string | undefined): string | undefined {
  const t = v?.trim();
  return t ? t : undefined;
}
