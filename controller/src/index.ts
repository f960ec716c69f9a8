export { startController, type RunningController } from './controller';
export { loadConfig, type ControllerConfig, ConfigError } from './config';
