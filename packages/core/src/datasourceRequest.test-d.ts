import { describe, expectTypeOf, it } from 'vitest';
import {
  buildDatasourceRequest,
  type DatasourceCredentialsByType,
  type DatasourceRequest,
  type DatasourceRequestOf,
  type DatasourceType,
  type MssqlCredentials,
  type PostgresCredentials,
} from './datasourceRequest.ts';

describe('datasource request types', () => {
  it('maps each datasource type to its credential shape', () => {
    expectTypeOf<DatasourceCredentialsByType['cockroachdb']>().toEqualTypeOf<PostgresCredentials>();
    expectTypeOf<DatasourceCredentialsByType['mssql']>().toEqualTypeOf<MssqlCredentials>();
    expectTypeOf<keyof DatasourceCredentialsByType>().toEqualTypeOf<DatasourceType>();
  });

  it('keeps the variant that was passed in', () => {
    const body = buildDatasourceRequest({
      datasourceType: 'databricks',
      credentials: { name: 'lake', serverHostname: 'h', httpPath: '/p', token: 't' },
    });
    expectTypeOf(body).toEqualTypeOf<{
      datasourceType: 'databricks';
      credentials: { name: string; serverHostname: string; httpPath: string; token: string };
    }>();
    expectTypeOf(body).toExtend<DatasourceRequestOf<'databricks'>>();
  });

  it('rejects credentials of another type at compile time', () => {
    const mysql = {
      datasourceType: 'mysql',
      credentials: { name: 'n', host: 'h', port: 1, username: 'u', password: 'p' },
    } as const;
    expectTypeOf(mysql).not.toExtend<DatasourceRequest>();
    expectTypeOf({
      ...mysql,
      credentials: { name: 'n', host: 'h', port: 1, user: 'u', password: 'p' },
    }).toExtend<DatasourceRequest>();
    expectTypeOf<DatasourceRequestOf<'trino'>['credentials']['port']>().toEqualTypeOf<number>();
    expectTypeOf<DatasourceRequestOf<'trino'>['credentials']['sshTunnel']>().toEqualTypeOf<
      'enable' | 'disable' | undefined
    >();
  });
});
