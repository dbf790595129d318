// Entry of the second extension bundle, dist/submission.js: everything the submission commands load on first use
// (the AWS SDK through the submission library, the language engine that checks the text before it is sent, and
// jsonc-parser for finding a field in it).
// Kept out of dist/client.js so that activation neither parses nor runs any of it.
export * as aws from '../../../server/src/aws';
export { fieldAtPath } from '../../../server/src/aws/fieldInMessage';
