// The AppFlow half of the local endpoint (restJson1, SigV4 service "appflow"): the read operations the editor's
// account features and the workflows view use, answered from the account data. Wire facts follow
// schemas/models/appflow-2020-08-23.json: POST with a JSON body, lowerCamel members, `nextToken` paging.
export const APPFLOW_ROUTES = [
  { method: 'POST', re: /^\/describe-connector-profiles$/, operation: 'DescribeConnectorProfiles' },
  { method: 'POST', re: /^\/list-connector-entities$/, operation: 'ListConnectorEntities' },
  { method: 'POST', re: /^\/describe-connector-entity$/, operation: 'DescribeConnectorEntity' },
  { method: 'POST', re: /^\/list-flows$/, operation: 'ListFlows' },
  { method: 'POST', re: /^\/describe-flow$/, operation: 'DescribeFlow' },
].map((r) => ({ ...r, service: 'appflow', names: [] }));

/**
 * Answers one AppFlow operation.
 * @param {{ operation: string }} route
 * @param {any} input the parsed request body
 * @param {{ account: any, region: string, page: (items: any[], input: any) => any }} ctx
 */
export function appflowDispatch(route, input, { account, region, page }) {
  const arn = (kind, name) => `arn:aws:appflow:${region}:210987654321:${kind}/${name}`;
  const profileNamed = (name) => account.connectorProfiles.find((p) => p.name === name);
  switch (route.operation) {
    case 'DescribeConnectorProfiles': {
      const names = Array.isArray(input.connectorProfileNames) ? input.connectorProfileNames : undefined;
      const matching = account.connectorProfiles.filter(
        (p) => (!names || names.includes(p.name)) && (!input.connectorType || p.connectorType === input.connectorType),
      );
      const { items, nextToken } = page(matching, input);
      return ok({
        connectorProfileDetails: items.map((p) => ({
          connectorProfileArn: arn('connectorprofile', p.name),
          connectorProfileName: p.name,
          connectorType: p.connectorType,
          connectionMode: 'Public',
          credentialsArn: `arn:aws:secretsmanager:${region}:210987654321:secret:appflow!${p.name}`,
          connectorProfileProperties: {},
          createdAt: 1780000000,
          lastUpdatedAt: 1780000000,
        })),
        ...(nextToken ? { nextToken } : {}),
      });
    }
    case 'ListConnectorEntities': {
      const profile = profileNamed(input.connectorProfileName);
      if (!profile) return notFound(`Connector profile ${input.connectorProfileName} does not exist.`);
      const { items, nextToken } = page(profile.entities, input);
      return ok({
        connectorEntityMap: {
          Objects: items.map((e) => ({ name: e.name, label: e.label, hasNestedEntities: false })),
        },
        ...(nextToken ? { nextToken } : {}),
      });
    }
    case 'DescribeConnectorEntity': {
      const profile = profileNamed(input.connectorProfileName);
      if (!profile) return notFound(`Connector profile ${input.connectorProfileName} does not exist.`);
      const entity = profile.entities.find((e) => e.name === input.connectorEntityName);
      if (!entity) return notFound(`Entity ${input.connectorEntityName} does not exist for ${profile.name}.`);
      return ok({
        connectorEntityFields: entity.fields.map((x) => ({
          identifier: x.identifier,
          label: x.label,
          isPrimaryKey: x.isPrimaryKey,
          isDeprecated: false,
          supportedFieldTypeDetails: { v1: { fieldType: x.fieldType, filterOperators: x.filterOperators } },
          sourceProperties: {
            isRetrievable: true,
            isQueryable: true,
            isTimestampFieldForIncrementalQueries: x.incremental,
          },
        })),
      });
    }
    case 'ListFlows': {
      const { items, nextToken } = page(account.flows, input);
      return ok({
        flows: items.map((fl) => ({
          flowArn: fl.flowArn,
          description: fl.description,
          flowName: fl.flowName,
          flowStatus: fl.flowStatus,
          sourceConnectorType: fl.sourceFlowConfig.connectorType,
          destinationConnectorType: fl.destinationFlowConfigList[0]?.connectorType,
          triggerType: fl.triggerConfig.triggerType,
          createdAt: fl.createdAt,
          lastUpdatedAt: fl.lastUpdatedAt,
          createdBy: fl.createdBy,
          lastUpdatedBy: fl.lastUpdatedBy,
          tags: fl.tags,
          lastRunExecutionDetails: fl.lastRunExecutionDetails,
        })),
        ...(nextToken ? { nextToken } : {}),
      });
    }
    case 'DescribeFlow': {
      const flow = account.flows.find((fl) => fl.flowName === input.flowName);
      return flow ? ok(flow) : notFound(`Flow ${input.flowName} does not exist.`);
    }
  }
  return { status: 404, type: 'UnknownOperationException', message: route.operation };
}

const ok = (body) => ({ status: 200, body });
const notFound = (message) => ({ status: 404, type: 'ResourceNotFoundException', message });
