import { AnalysePage } from './AnalysePage';

export default function Page() {
  return <AnalysePage />;
}
