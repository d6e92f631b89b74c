import { createApp } from 'vue';
// Register the tags before Vue mounts, so bound values land on defined elements as properties.
import '@acct/elements/provider';
import '@acct/elements/settings';
// Types the acct-* tags, their attributes and events in templates (checked by vue-tsc).
import type {} from '@acct/elements/jsx/vue';
import App from './App.vue';

createApp(App).mount('#app');
