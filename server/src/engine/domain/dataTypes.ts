// The data types of a task's DATA_TYPE, SOURCE_DATA_TYPE and DESTINATION_DATA_TYPE properties (completion, hover).
// Field types AppFlow reports for the source (DescribeConnectorEntity); Salesforce's are its SOAP API field types.
const SALESFORCE_TYPES = [
  'id',
  'string',
  'boolean',
  'int',
  'double',
  'currency',
  'percent',
  'date',
  'datetime',
  'time',
  'email',
  'phone',
  'url',
  'picklist',
  'multipicklist',
  'reference',
  'textarea',
  'address',
];
const GENERIC_TYPES = ['string', 'integer', 'double', 'boolean', 'date', 'datetime'];
export const DATA_TYPE_KEYS = new Set(['DATA_TYPE', 'SOURCE_DATA_TYPE', 'DESTINATION_DATA_TYPE']);

/** The data types a `connectorType` source reports. */
export const dataTypesOf = (connectorType: string | undefined): readonly string[] =>
  connectorType === 'Salesforce' ? SALESFORCE_TYPES : GENERIC_TYPES;

/** What each data-type property says, in its own words (not its task's). */
export const DATA_TYPE_WORDS: Readonly<Record<string, string>> = {
  SOURCE_DATA_TYPE: "The source field's data type, as the connector reports it (AppFlow's DescribeConnectorEntity).",
  DESTINATION_DATA_TYPE: 'The data type the field has in the profile object.',
  DATA_TYPE: 'The data type the filter compares the field as.',
};

/** The data types whose values are numbers (Salesforce's and the generic ones). */
export const NUMERIC_DATA_TYPES: ReadonlySet<string> = new Set([
  'int',
  'double',
  'integer',
  'long',
  'decimal',
  'currency',
  'percent',
]);

/**
 * The items of a filter value (VALUES: comma-separated) that cannot be a `dataType` value: not a number for a
 * numeric type, not true/false for a boolean; none for the other types.
 */
export function valuesNotOfType(text: string, many: boolean, dataType: string): string[] {
  const values = many ? text.split(',').map((v) => v.trim()) : [text.trim()];
  const type = dataType.toLowerCase();
  if (NUMERIC_DATA_TYPES.has(type)) return values.filter((v) => v === '' || !Number.isFinite(Number(v)));
  if (type === 'boolean') return values.filter((v) => v !== 'true' && v !== 'false');
  return [];
}

/** What a value that does not fit `dataType` likely means: "50,000" → "50000", "Yes" → "true"; else undefined. */
export function valueOfType(value: string, dataType: string): string | undefined {
  const v = value.trim();
  const type = dataType.toLowerCase();
  if (NUMERIC_DATA_TYPES.has(type)) {
    const plain = v.replace(/[,_\s]/g, '');
    return plain !== '' && Number.isFinite(Number(plain)) ? plain : undefined;
  }
  if (type === 'boolean') {
    const word = v.toLowerCase();
    if (word === 'true' || word === 'yes' || word === '1') return 'true';
    if (word === 'false' || word === 'no' || word === '0') return 'false';
  }
  return undefined;
}
