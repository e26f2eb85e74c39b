import { StudyList } from './StudyList';

export const metadata = { title: 'Studies · vizmine' };

export default function Page() {
  return <StudyList />;
}
