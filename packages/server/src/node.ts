export { type NodeHandler, toNodeHandler } from './toNodeHandler.ts';
