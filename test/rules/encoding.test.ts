import { checkRuleCases } from './support';
import { encodingCases } from './cases/encoding';

checkRuleCases('rules: file encoding', encodingCases);
