// Cases for how the file is stored (ENC-1): the AWS CLI reads `file://` as UTF-8 and refuses a byte-order mark and
// bytes that are not UTF-8 (AWS CLI v1 and v2 both, observed; test/rules/awsCli.test.ts runs them again).
import { RuleCase, workflowText } from '../support';

export const encodingCases: RuleCase[] = [
  {
    rule: 'ENC-1',
    code: 'json-bom',
    severity: 'error',
    name: 'a UTF-8 byte-order mark',
    bad: `⟦\uFEFF⟧${workflowText()}`,
    good: workflowText(),
    data: { remove: true },
    message: /Unexpected UTF-8 BOM/,
  },
  {
    rule: 'ENC-1',
    code: 'json-encoding',
    severity: 'error',
    // how an editor shows a byte that is not UTF-8 (e.g. Latin-1 "é" saved as 0xE9)
    name: 'bytes that are not UTF-8',
    bad: workflowText().replace('contact-center', 'contact-cent⟦\uFFFD⟧r'),
    good: workflowText().replace('contact-center', 'contact-centér'),
    message: /not valid UTF-8/,
  },
];
