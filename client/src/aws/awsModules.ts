// Entry of the second extension bundle, dist/submission.js: everything the submission commands load on first use
// (the AWS SDK through the submission library, with the language engine that checks the text before it is sent).
// Kept out of dist/client.js so that activation neither parses nor runs any of it.
export * as aws from '../../../server/src/aws';
