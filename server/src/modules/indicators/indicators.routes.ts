/** Indicators, their values per unit and period, values entered by hand, and DHIS2 dataValueSets. */
import { Type } from 'typebox';
import { contextOf, signedInContext } from '../../access/context.ts';
import type { App } from '../../http/app-types.ts';
import { Instant, Nullable } from '../../http/schemas.ts';
import { dhis2Service } from './dhis2.ts';
import { indicatorService } from './indicators.service.ts';

const list = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);
const N = Nullable(Type.Number());
const Figure = { numerator: N, denominator: N, value: N, suppressed: Type.Boolean() };
const Indicator = Type.Object({
  code: Type.String(),
  nameVi: Type.String(),
  nameEn: Type.String(),
  unit: Type.Union([Type.Literal('percent'), Type.Literal('count')]),
  numeratorVi: Type.String(),
  denominatorVi: Nullable(Type.String()),
  numeratorEn: Type.String(),
  denominatorEn: Nullable(Type.String()),
  source: Type.Union([Type.Literal('computed'), Type.Literal('entered')]),
  countsPeople: Type.Boolean(),
});
const Value = Type.Object({ indicator: Type.String(), orgUnit: Type.Integer(), period: Type.String(), ...Figure, valuePeriod: Nullable(Type.String()), updatedAt: Nullable(Instant) });
const UnitValue = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), level: Type.String(), indicator: Type.String(), period: Type.String(), ...Figure, valuePeriod: Nullable(Type.String()) });
const DataValue = Type.Object({
  dataElement: Type.String({ minLength: 1 }),
  period: Type.String(),
  orgUnit: Type.String(),
  value: Type.String(),
  storedBy: Type.Optional(Type.String()),
  lastUpdated: Type.Optional(Type.String()),
  comment: Type.Optional(Type.String()),
});
const ImportSummary = Type.Object({
  status: Type.String(),
  importCount: Type.Object({ imported: Type.Integer(), updated: Type.Integer(), ignored: Type.Integer(), deleted: Type.Integer() }),
  conflicts: Type.Array(Type.Object({ object: Type.String(), value: Type.String() })),
});

export async function indicatorRoutes(app: App) {
  const indicators = indicatorService(app.db, app.config);
  const dhis2 = dhis2Service(app.db, app.config, indicators);
  const tags = ['indicators'];

  app.get('/api/indicators', {
    schema: { tags, operationId: 'listIndicators', response: { 200: Type.Object({ items: Type.Array(Indicator) }) } },
    config: { permission: 'aggregate.read' },
    handler: async () => ({ items: (await indicators.list()).map(({ id: _id, ...rest }) => rest) }),
  });

  app.get('/api/indicator-values', {
    schema: {
      tags,
      operationId: 'indicatorValues',
      description: 'Figures of a unit (sums of numerators and denominators of the units below it) per indicator and period. indicator and period take comma-separated lists.',
      querystring: Type.Object({ indicator: Type.Optional(Type.String()), orgUnit: Type.Optional(Type.Integer({ minimum: 1 })), period: Type.String({ minLength: 4 }) }),
      response: { 200: Type.Object({ items: Type.Array(Value) }) },
    },
    config: { permission: 'aggregate.read' },
    handler: (req) => indicators.values(signedInContext(req), { indicator: list(req.query.indicator), orgUnit: req.query.orgUnit, period: list(req.query.period) ?? [] }),
  });

  app.get('/api/indicator-values/children', {
    schema: {
      tags,
      operationId: 'indicatorValuesByChild',
      description: "A unit's figure and its child areas', best first",
      querystring: Type.Object({ indicator: Type.String({ minLength: 1 }), orgUnit: Type.Optional(Type.Integer({ minimum: 1 })), period: Type.String({ minLength: 4 }) }),
      response: { 200: Type.Object({ unit: UnitValue, children: Type.Array(UnitValue) }) },
    },
    config: { permission: 'aggregate.read' },
    handler: (req) => indicators.children(signedInContext(req), req.query),
  });

  app.put('/api/indicator-values', {
    schema: {
      tags,
      operationId: 'enterIndicatorValues',
      description: 'Values of entered indicators per unit and period (all saved or none)',
      body: Type.Object({
        items: Type.Array(
          Type.Object({ indicator: Type.String(), orgUnit: Type.Integer({ minimum: 1 }), period: Type.String(), numerator: Type.Number({ minimum: 0 }), denominator: Nullable(Type.Number({ minimum: 0 })) }),
          { minItems: 1, maxItems: 10_000 },
        ),
      }),
      response: { 200: Type.Object({ saved: Type.Integer() }) },
    },
    config: { permission: 'aggregate.write' },
    handler: (req) => indicators.enter(contextOf(req), req.body.items),
  });

  app.get('/api/dataValueSets', {
    schema: {
      tags,
      operationId: 'exportDataValueSet',
      description: 'DHIS2 dataValueSets JSON: values stored at the unit and below; each indicator is CODE_NUM and CODE_DEN',
      querystring: Type.Object({ orgUnit: Type.Optional(Type.Integer({ minimum: 1 })), period: Type.String({ minLength: 4 }), indicator: Type.Optional(Type.String()) }),
      response: { 200: Type.Object({ orgUnit: Type.String(), period: Type.String(), dataValues: Type.Array(DataValue) }) },
    },
    config: { permission: 'aggregate.read' },
    handler: (req) => dhis2.exportSet(signedInContext(req), { orgUnit: req.query.orgUnit, period: list(req.query.period) ?? [], indicator: list(req.query.indicator) }),
  });

  app.post('/api/dataValueSets', {
    schema: {
      tags,
      operationId: 'importDataValueSet',
      description: 'DHIS2 dataValueSets JSON import of entered indicators; all or nothing, conflicts listed',
      body: Type.Object({ dataValues: Type.Array(DataValue, { maxItems: 20_000 }) }),
      response: { 200: ImportSummary, 409: ImportSummary },
    },
    config: { permission: 'aggregate.write' },
    handler: async (req, reply) => {
      const summary = await dhis2.importSet(contextOf(req), req.body);
      return reply.code(summary.status === 'SUCCESS' ? 200 : 409).send(summary);
    },
  });
}
