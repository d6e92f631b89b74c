import { createApp } from 'vue';
// Register the tags before Vue mounts, so bound values land on defined elements as properties.
import '@acct/elements/provider';
import '@acct/elements/settings';
import App from './App.vue';

createApp(App).mount('#app');
