/** Indicators, their values per unit and period, values entered by hand, and DHIS2 dataValueSets. */
import {
  ChildValues,
  ChildValuesQuery,
  DataValueSet,
  DataValueSetImport,
  DataValueSetQuery,
  EnterValues,
  EnteredCount,
  ImportSummary,
  IndicatorList,
  IndicatorValues,
  IndicatorValuesQuery,
} from '@ytcs/common';
import { contextOf, signedInContext } from '../../access/context.ts';
import type { App } from '../../http/app-types.ts';
import { dhis2Service } from './dhis2.ts';
import { indicatorService } from './indicators.service.ts';

const list = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);

export async function indicatorRoutes(app: App) {
  const indicators = indicatorService(app.db, app.config);
  const dhis2 = dhis2Service(app.db, app.config, indicators);
  const tags = ['indicators'];

  app.get('/api/indicators', {
    schema: { tags, operationId: 'listIndicators', response: { 200: IndicatorList } },
    config: { permission: 'aggregate.read' },
    handler: async () => ({ items: (await indicators.list()).map(({ id: _id, ...rest }) => rest) }),
  });

  app.get('/api/indicator-values', {
    schema: {
      tags,
      operationId: 'indicatorValues',
      description: 'Figures of a unit (sums of numerators and denominators of the units below it) per indicator and period. indicator and period take comma-separated lists.',
      querystring: IndicatorValuesQuery,
      response: { 200: IndicatorValues },
    },
    config: { permission: 'aggregate.read' },
    handler: (req) => indicators.values(signedInContext(req), { indicator: list(req.query.indicator), orgUnit: req.query.orgUnit, period: list(req.query.period) ?? [] }),
  });

  app.get('/api/indicator-values/children', {
    schema: {
      tags,
      operationId: 'indicatorValuesByChild',
      description: "A unit's figure and its child areas', best first",
      querystring: ChildValuesQuery,
      response: { 200: ChildValues },
    },
    config: { permission: 'aggregate.read' },
    handler: (req) => indicators.children(signedInContext(req), req.query),
  });

  app.put('/api/indicator-values', {
    schema: {
      tags,
      operationId: 'enterIndicatorValues',
      description: 'Values of entered indicators per unit and period (all saved or none)',
      body: EnterValues,
      response: { 200: EnteredCount },
    },
    config: { permission: 'aggregate.write' },
    handler: (req) => indicators.enter(contextOf(req), req.body.items),
  });

  app.get('/api/dataValueSets', {
    schema: {
      tags,
      operationId: 'exportDataValueSet',
      description: 'DHIS2 dataValueSets JSON: values stored at the unit and below; each indicator is CODE_NUM and CODE_DEN',
      querystring: DataValueSetQuery,
      response: { 200: DataValueSet },
    },
    config: { permission: 'aggregate.read' },
    handler: (req) => dhis2.exportSet(signedInContext(req), { orgUnit: req.query.orgUnit, period: list(req.query.period) ?? [], indicator: list(req.query.indicator) }),
  });

  app.post('/api/dataValueSets', {
    schema: {
      tags,
      operationId: 'importDataValueSet',
      description: 'DHIS2 dataValueSets JSON import of entered indicators; all or nothing, conflicts listed',
      body: DataValueSetImport,
      response: { 200: ImportSummary, 409: ImportSummary },
    },
    config: { permission: 'aggregate.write' },
    handler: async (req, reply) => {
      const summary = await dhis2.importSet(contextOf(req), req.body);
      return reply.code(summary.status === 'SUCCESS' ? 200 : 409).send(summary);
    },
  });
}
