// One tab of an app as a consumer writes it: the provider asks the app's own
// token endpoint, and a dashboard shows the emulator's preview element. The
// page is served with `?emulator=<url>`, the emulator the preview element reads.
import { definePreviewElements } from '@databrain-embed/emulator/elements';
import { Dashboard, DatabrainProvider } from '@databrain-embed/react';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

const apiUrl = new URL(location.href).searchParams.get('emulator') ?? '';
const loadPreviewElements = () => definePreviewElements({ apiUrl });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    createElement(
      DatabrainProvider,
      { tokenEndpoint: '/api/databrain/token', loadElements: loadPreviewElements },
      createElement(Dashboard, { dashboardId: 'sales-overview' }),
    ),
  );
}
