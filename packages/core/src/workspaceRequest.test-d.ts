import { describe, expectTypeOf, it } from 'vitest';
import type { WorkspaceRequest } from './workspaceRequest.ts';

describe('workspace request types', () => {
  it('requires the name field that matches the connection type', () => {
    const datasource = { name: 'S', connectionType: 'DATASOURCE', datasourceName: 'pg' } as const;
    expectTypeOf(datasource).toExtend<WorkspaceRequest>();
    expectTypeOf({ name: 'S', connectionType: 'DATASOURCE' } as const).not.toExtend<WorkspaceRequest>();
    expectTypeOf({
      name: 'S',
      connectionType: 'DATAMART',
      datasourceName: 'pg',
    } as const).not.toExtend<WorkspaceRequest>();
    expectTypeOf({ name: 'S', connectionType: 'MULTI_DATAMART' } as const).toExtend<WorkspaceRequest>();
  });
});
