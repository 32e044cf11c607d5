import { createRoot } from 'react-dom/client';
import 'tldraw/tldraw.css';
import './styles.css';
import { App } from './App';
import { registerServiceWorker } from './lib/serviceWorker';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(<App />);
registerServiceWorker();
