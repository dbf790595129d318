import { checkRuleCases } from './support';
import { s3LocationCases } from './cases/s3Location';

checkRuleCases('rules: S3 location', s3LocationCases);
