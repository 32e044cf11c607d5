// The entry of an export worker thread: the server runs TypeScript through tsx, which a new
// thread has to register for itself before loading the worker's code.
import { register } from 'tsx/esm/api';

register();
await import('./exportWorker.ts');
