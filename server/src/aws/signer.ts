// Whose credentials sign: the rule of the SDK's default chain, kept pure so the status bar can apply it before the
// submission bundle (and the SDK) is loaded.

/** 'environment': AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY sign; 'profile': the (named or default) profile. */
export type Signer = 'environment' | 'profile';

/**
 * The SDK reads environment keys only when no profile is passed and both AWS_ACCESS_KEY_ID and
 * AWS_SECRET_ACCESS_KEY are set (credential-provider-env); otherwise the profile's credentials sign.
 */
export function signerFor(profileNamed: boolean, env: NodeJS.ProcessEnv): Signer {
  const set = (name: string) => !!env[name]?.trim();
  return !profileNamed && set('AWS_ACCESS_KEY_ID') && set('AWS_SECRET_ACCESS_KEY') ? 'environment' : 'profile';
}

/** As whom requests are signed, for a confirmation or a log: the environment's keys, or the profile. */
export function signerText(settings: { signer: Signer; profile: string }): string {
  return settings.signer === 'environment'
    ? 'AWS_ACCESS_KEY_ID from the environment (no profile named)'
    : `profile "${settings.profile}"`;
}
