import { tokens } from '../../../../lib/tokens';

export const POST = tokens.handler;
