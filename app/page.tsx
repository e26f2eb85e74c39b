import { Overview } from './Overview';

export default function Page() {
  return <Overview />;
}
