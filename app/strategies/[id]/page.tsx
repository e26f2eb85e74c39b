import { StrategyView } from './StrategyView';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  return <StrategyView id={Number((await params).id)} />;
}
