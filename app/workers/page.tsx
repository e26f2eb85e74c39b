import { WorkersView } from './WorkersView';

export const metadata = { title: 'Workers · vizmine' };

export default function Page() {
  return <WorkersView />;
}
