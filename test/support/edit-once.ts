// Opens a database and sends one items.update, printing the envelope: lets a test make the edit as another
// user (a read-only folder means nothing to root).
import { Database } from '../../electron/db/database';
import { toErrorPayload } from '../../electron/db/app-error';
import { dispatch } from '../../electron/services/dispatch';
import { createHandlers } from '../../electron/services/handlers';

const [path, request] = process.argv.slice(2);
try {
  const db = await Database.open(path!);
  const envelope = await dispatch(createHandlers(db, 'cli', 'test'), 'items.update', JSON.parse(request!));
  await db.close().catch(() => undefined);
  console.log(JSON.stringify(envelope));
} catch (error) {
  console.log(JSON.stringify({ ok: false, error: toErrorPayload(error) }));
}
