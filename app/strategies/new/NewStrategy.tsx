'use client';
import Link from 'next/link';
import { StrategyEditor } from '@/components/strategies/StrategyEditor';

export function NewStrategy() {
  return (
    <>
      <div className="page-head">
        <div>
          <h1>New strategy</h1>
          <p className="sub">A saved rule for collecting notebooks from Kaggle. Create it, then preview what it would collect and run it.</p>
        </div>
        <Link href="/strategies">← All strategies</Link>
      </div>
      <StrategyEditor />
    </>
  );
}
