import { NewStrategy } from './NewStrategy';

export default function Page() {
  return <NewStrategy />;
}
