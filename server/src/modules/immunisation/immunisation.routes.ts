/** The expanded programme: the schedule as data, and who is due, overdue or not started in a commune or village. */
import { DueList, DueQuery, ScheduleList } from '@ytcs/common';
import { contextOf } from '../../access/context.ts';
import type { App } from '../../http/app-types.ts';
import { immunisationService } from './immunisation.service.ts';

export async function immunisationRoutes(app: App) {
  const immunisation = immunisationService(app.db);
  const tags = ['immunisation'];

  app.get('/api/immunisation/schedule', {
    schema: { tags, operationId: 'getImmunisationSchedule', description: 'The expanded programme’s schedule rows (Circular 10/2024/TT-BYT)', response: { 200: ScheduleList } },
    config: { permission: 'signed-in' },
    handler: () => immunisation.schedule(),
  });

  app.get('/api/immunisation/due', {
    schema: {
      tags,
      operationId: 'listImmunisationDue',
      description: 'Children of a unit with a dose due, overdue or not started on a day (today by default), one item per child',
      querystring: DueQuery,
      response: { 200: DueList },
    },
    config: { permission: 'person.read' },
    handler: (req) => immunisation.dueList(contextOf(req), req.query),
  });
}
