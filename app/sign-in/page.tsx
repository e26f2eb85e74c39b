import { SignIn } from './SignIn';

export const metadata = { title: 'Sign in · vizmine' };

export default function Page() {
  return <SignIn />;
}
