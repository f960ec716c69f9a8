import './strict-csp';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './console.css';

createRoot(document.getElementById('root') as HTMLElement).render(<App />);
