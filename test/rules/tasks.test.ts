import { checkRuleCases } from './support';
import { taskCases } from './cases/tasks';

checkRuleCases('rules: tasks', taskCases);
