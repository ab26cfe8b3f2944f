// Routing an incoming document (trình → chỉ đạo → xử lý → hoàn thành) and the tasks it gives out.
import { historyOf } from '../../../db/documents/historyWording.js';
import { assignIncoming, recallIncoming, returnIncoming, submitIncoming } from '../../../db/handling/steps.js';
import { deadlines, handlingOf, myTasks, shownTasks } from '../../../db/handling/taskReads.js';
import { requireContent } from '../../../db/secrets/secretAccess.js';
import { completeTask, progressTask, reassignTask } from '../../../db/handling/tasks.js';
import { followUp } from '../../../db/registers/followUp.js';
import { waitingFor } from '../../../db/handling/waiting.js';
import { markNotificationsRead, notificationsFor } from '../../../db/notifications/notifications.js';
import { suggestRouting } from '../../../db/suggest/routing.js';
import { defineSlice, ok, userOf, type Services } from './types.js';

export function handlingHandlers({ store }: Services) {
  const handled = (id: string) => handlingOf(store, id);
  return defineSlice({
    'notifications.list': (_input, req) => notificationsFor(store, userOf(req)),
    'notifications.markRead': (_input, req) => (markNotificationsRead(store, userOf(req).id), ok),
    'incoming.submit': (input, req) => (submitIncoming(store, req.write, input), handled(input.id)),
    'incoming.assign': (input, req) => (assignIncoming(store, req.write, input), handled(input.id)),
    'incoming.return': (input, req) => (returnIncoming(store, req.write, input), handled(input.id)),
    'incoming.recall': (input, req) => (recallIncoming(store, req.write, input), handled(input.id)),
    'incoming.suggestRouting': (input, req) => (
      requireContent(store, userOf(req), input.id, 'incoming.suggestRouting'),
      suggestRouting(store, input.id)
    ),
    'incoming.handling': (input, req) => (requireContent(store, userOf(req), input.id, 'incoming.handling'), handled(input.id)),
    'incoming.history': (input, req) => (requireContent(store, userOf(req), input.id, 'incoming.history'), historyOf(store, input.id)),
    'incoming.followUp': (input, req) => followUp(store, userOf(req), input),
    'tasks.mine': (input, req) => shownTasks(store, userOf(req), myTasks(store, userOf(req), input.includeDone ?? false)),
    'tasks.update': (input, req) => (progressTask(store, req.write, userOf(req), input), ok),
    'tasks.complete': (input, req) => (completeTask(store, req.write, userOf(req), input), ok),
    'tasks.reassign': (input, req) => (reassignTask(store, req.write, userOf(req), input), ok),
    'tasks.waiting': (_input, req) => waitingFor(store, userOf(req)),
    'dashboard.deadlines': (_input, req) => {
      const d = deadlines(store, userOf(req));
      return { ...d, dueSoon: shownTasks(store, userOf(req), d.dueSoon), overdue: shownTasks(store, userOf(req), d.overdue) };
    },
  });
}
