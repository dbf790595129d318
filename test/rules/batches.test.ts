import { checkRuleCases } from './support';
import { batchCases } from './cases/batches';

checkRuleCases('rules: batches', batchCases);
