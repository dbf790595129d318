import { checkRuleCases } from './support';
import { triggerCases } from './cases/trigger';

checkRuleCases('rules: trigger', triggerCases);
