export { type NodeHandler, type NodeHandlerOptions, toNodeHandler } from './toNodeHandler.ts';
