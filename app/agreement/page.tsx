import { Suspense } from 'react';
import { AgreementView } from './AgreementView';

export default function Page() {
  return (
    <Suspense>
      <AgreementView />
    </Suspense>
  );
}
