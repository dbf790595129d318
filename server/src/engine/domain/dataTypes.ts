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
