import { checkRuleCases } from './support';
import { timestampCases } from './cases/timestamps';

checkRuleCases('rules: timestamps', timestampCases);
