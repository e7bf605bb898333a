// Gives every unit test an in-memory IndexedDB (Dexie, y-indexeddb).
import 'fake-indexeddb/auto';
