import type { Metadata } from 'next';
import { Nav } from '@/components/layout/Nav';
import { Providers } from '@/components/layout/Providers';
import './globals.css';

export const metadata: Metadata = {
  title: 'vizmine',
  description: 'Study the visualisations in Kaggle notebooks',
  icons: { icon: '/favicon.svg' },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>
          <Nav />
          <main className="page">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
