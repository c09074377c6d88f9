import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';

const params = new URLSearchParams(location.search);
createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App apiBase={params.get('api') ?? 'https://connect.instacart.com'} orderIds={params.getAll('order')} />
  </StrictMode>,
);
