import type { ReactNode } from 'react';

export const metadata = { title: 'Analytics · Next.js App Router' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 960, margin: '24px auto' }}>
        {children}
      </body>
    </html>
  );
}
