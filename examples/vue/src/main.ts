import { createApp } from 'vue';
import App from './App.vue';

const params = new URLSearchParams(location.search);
createApp(App, { apiBase: params.get('api') ?? 'https://connect.instacart.com', orderIds: params.getAll('order') }).mount('#app');
