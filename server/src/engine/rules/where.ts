// Where a finding goes when the thing at fault is something missing: the nearest node the user can see.
import { Node, keyOf, rangeOf } from '../document';
import { WorkflowTask } from '../workflowModel';
import type { RuleContext } from './types';
import { Range } from 'vscode-languageserver-types';

/** The opening brace of an object (for an object with no key of its own, such as an array item). */
const openingBrace = (ctx: RuleContext, node: Node): Range => rangeOf(ctx.doc, node.offset, 1);

/** The key of a member value, else its opening brace. */
export const keyOrBrace = (ctx: RuleContext, node: Node): Node | Range => keyOf(node) ?? openingBrace(ctx, node);

/** A task's TaskType value (what the task is), else its opening brace. */
export const taskAnchor = (ctx: RuleContext, task: WorkflowTask): Node | Range =>
  task.taskTypeNode ?? openingBrace(ctx, task.node);
