import { checkRuleCases } from './support';
import { projectionCases } from './cases/projection';

checkRuleCases('rules: projection', projectionCases);
