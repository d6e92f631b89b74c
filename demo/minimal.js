import { createMemoryAdapter } from '/dist/demo/adapter-memory.js';

document.getElementById('provider').adapter = createMemoryAdapter();
