import './strict-csp';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './console.css';
import '../ui/ui.css';

createRoot(document.getElementById('root') as HTMLElement).render(<App />);
