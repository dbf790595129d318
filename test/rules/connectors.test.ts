import { checkRuleCases } from './support';
import { connectorCases } from './cases/connectors';

checkRuleCases('rules: connectors', connectorCases);
