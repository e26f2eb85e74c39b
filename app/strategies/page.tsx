import { StrategyList } from './StrategyList';

export default function Page() {
  return <StrategyList />;
}
