'use strict';
// Obviously fake AWS keys, made fresh for each run: the local Customer Profiles endpoint is told them and checks
// the SigV4 signatures made with them; AWS never sees them, and no fixture or log holds them.
const crypto = require('crypto');

function fakeAwsKeys() {
  const base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return {
    accessKeyId: 'AKIA' + [...crypto.randomBytes(16)].map((b) => base32[b % base32.length]).join(''),
    secretAccessKey: crypto.randomBytes(30).toString('base64'),
  };
}

/** The environment that makes the SDK's standard credential chain use `keys` (and never ask instance metadata). */
const awsEnvFor = (keys, region) => ({
  AWS_ACCESS_KEY_ID: keys.accessKeyId,
  AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
  AWS_REGION: region,
  AWS_EC2_METADATA_DISABLED: 'true',
});

/**
 * `env` without any AWS_* variable: the developer's own AWS_PROFILE, AWS_SESSION_TOKEN, AWS_ENDPOINT_URL… would
 * otherwise reach the demo or the test editor and override (or be sent with) the fake keys.
 */
const withoutAwsVariables = (env) =>
  Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('AWS_')));

module.exports = { fakeAwsKeys, awsEnvFor, withoutAwsVariables };
