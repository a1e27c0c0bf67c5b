export { SilenceSetting } from './SilenceSetting';
