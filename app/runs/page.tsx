import { Suspense } from 'react';
import { requirePageRole } from '@/lib/auth/page-session';
import { supervisorRoles } from '@/lib/auth/roles';
import { RunsView } from './RunsView';

export const metadata = { title: 'Runs · vizmine' };
export const dynamic = 'force-dynamic';

export default async function Page() {
  await requirePageRole('/runs', supervisorRoles);
  return (
    <Suspense>
      <RunsView />
    </Suspense>
  );
}
