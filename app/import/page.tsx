import { ImportPage } from './ImportPage';

export default function Page() {
  return <ImportPage />;
}
