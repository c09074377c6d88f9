import { mount } from 'svelte';
import App from './App.svelte';

const params = new URLSearchParams(location.search);
mount(App, {
  target: document.getElementById('app')!,
  props: { apiBase: params.get('api') ?? 'https://connect.instacart.com', orderIds: params.getAll('order') },
});
