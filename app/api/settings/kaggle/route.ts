import { readJson, route } from '@/lib/api/handler';
import { getDatabase } from '@/lib/db/client';
import {
  credentialsInput,
  kaggleCredentialsStatus,
  removeKaggleCredentials,
  saveKaggleCredentials,
} from '@/lib/settings/kaggle-credentials';

export const dynamic = 'force-dynamic';

// GET /api/settings/kaggle — whether Kaggle credentials are configured, and from where (never the secret)
export const GET = route(async () => {
  const store = await getDatabase();
  return kaggleCredentialsStatus(store.db, store.dataDir);
});

// PUT /api/settings/kaggle — store credentials ({username, key} or {token}), encrypted at rest
export const PUT = route(async (req) => {
  const store = await getDatabase();
  await saveKaggleCredentials(store.db, store.dataDir, credentialsInput.parse(await readJson(req)));
  return kaggleCredentialsStatus(store.db, store.dataDir);
}, { roles: ['admin', 'supervisor'] });

// DELETE /api/settings/kaggle — forget the stored credentials (environment ones still apply)
export const DELETE = route(async () => {
  const store = await getDatabase();
  await removeKaggleCredentials(store.db);
  return kaggleCredentialsStatus(store.db, store.dataDir);
}, { roles: ['admin', 'supervisor'] });
