import { AnalyticsView } from './AnalyticsView';

export default function Page() {
  return <AnalyticsView />;
}
