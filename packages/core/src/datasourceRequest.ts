import * as z from 'zod';
import { always, anyText, flag, oneOf, port, quotedList, requireWhen, text } from './adminFields.ts';
import { plainData } from './plainData.ts';
import { validate } from './validate.ts';

/**
 * Every `datasourceType` DataBrain documents for `POST /api/v2/datasource`.
 * `cockroachdb` appears only on DataBrain's current public page; it takes the
 * same credentials as `postgres`.
 *
 * @example
 * ```ts
 * import { DATASOURCE_TYPES } from '@databrain-embed/core';
 * DATASOURCE_TYPES.includes('snowflake'); // true
 * ```
 */
export const DATASOURCE_TYPES = [
  'snowflake',
  'postgres',
  'redshift',
  'cockroachdb',
  'mysql',
  'mongodb',
  'clickhouse',
  'singlestore',
  'bigquery',
  'databricks',
  'elasticsearch',
  'opensearch',
  'mssql',
  'awss3',
  'csv',
  'firebolt',
  'athena',
  'trino',
] as const;

/**
 * One of {@link DATASOURCE_TYPES}.
 *
 * @example
 * ```ts
 * import type { DatasourceType } from '@databrain-embed/core';
 * const type: DatasourceType = 'bigquery';
 * ```
 */
export type DatasourceType = (typeof DATASOURCE_TYPES)[number];

/** Fields every credential object carries. */
interface NamedCredentials {
  /** Unique datasource name, used to refer to it everywhere else. */
  name: string;
}

/**
 * Credentials for `snowflake`: `password` with `"username/password"`,
 * `privateKey` with `"Key-pair authentication"`.
 *
 * @example
 * ```ts
 * import type { SnowflakeCredentials } from '@databrain-embed/core';
 * const credentials: SnowflakeCredentials = {
 *   name: 'warehouse', host: 'acme.snowflakecomputing.com', username: 'svc', role: 'ANALYST',
 *   warehouse: 'WH', database: 'DB', schema: 'PUBLIC', credentials: 'Key-pair authentication', privateKey: pem,
 * };
 * ```
 */
export interface SnowflakeCredentials extends NamedCredentials {
  host: string;
  username: string;
  role: string;
  warehouse: string;
  database: string;
  schema: string;
  credentials: 'username/password' | 'Key-pair authentication';
  password?: string;
  privateKey?: string;
}

/**
 * Credentials for `postgres`, `redshift` and `cockroachdb`.
 *
 * @example
 * ```ts
 * import type { PostgresCredentials } from '@databrain-embed/core';
 * const credentials: PostgresCredentials = {
 *   name: 'production-postgres', host: 'db.example.com', port: 5432,
 *   username: 'dbuser', password, database: 'analytics', schema: 'public',
 * };
 * ```
 */
export interface PostgresCredentials extends NamedCredentials {
  host: string;
  port: number;
  username: string;
  password: string;
  database: string;
  schema: string;
  sslMode?: boolean;
  sshTunnel?: 'enable' | 'disable';
}

/**
 * Credentials for `bigquery`; `credentials_json` is the service-account key file as a string.
 *
 * @example
 * ```ts
 * import type { BigQueryCredentials } from '@databrain-embed/core';
 * const credentials: BigQueryCredentials = { name: 'bq', credentials_json: keyFile, project_id: 'acme', dataset_location: 'EU' };
 * ```
 */
export interface BigQueryCredentials extends NamedCredentials {
  credentials_json: string;
  project_id: string;
  dataset_location: string;
  dataset_id?: string;
}

/**
 * Credentials for `mysql`, `mongodb` and `clickhouse` (note `user`, not `username`).
 *
 * @example
 * ```ts
 * import type { UserPasswordCredentials } from '@databrain-embed/core';
 * const credentials: UserPasswordCredentials = { name: 'orders', host: 'mysql.internal', port: 3306, user: 'svc', password };
 * ```
 */
export interface UserPasswordCredentials extends NamedCredentials {
  host: string;
  port: number;
  user: string;
  password: string;
}

/**
 * Credentials for `mssql` (note `server`, not `host`, and `user`).
 *
 * @example
 * ```ts
 * import type { MssqlCredentials } from '@databrain-embed/core';
 * const credentials: MssqlCredentials = { name: 'erp', server: 'sql.internal', port: 1433, user: 'svc', password };
 * ```
 */
export interface MssqlCredentials extends NamedCredentials {
  server: string;
  port: number;
  user: string;
  password: string;
  database?: string;
  isDisableDatabase?: boolean;
}

/**
 * Credentials for `singlestore`.
 *
 * @example
 * ```ts
 * import type { SingleStoreCredentials } from '@databrain-embed/core';
 * const credentials: SingleStoreCredentials = { name: 's2', host: 's2.internal', port: 3306, user: 'svc', password, database: 'app' };
 * ```
 */
export interface SingleStoreCredentials extends UserPasswordCredentials {
  database: string;
}

/**
 * Credentials for `databricks`.
 *
 * @example
 * ```ts
 * import type { DatabricksCredentials } from '@databrain-embed/core';
 * const credentials: DatabricksCredentials = { name: 'lake', serverHostname: 'dbc.cloud.databricks.com', httpPath: '/sql/1.0/warehouses/1', token };
 * ```
 */
export interface DatabricksCredentials extends NamedCredentials {
  serverHostname: string;
  httpPath: string;
  token: string;
}

/**
 * Credentials for `elasticsearch` and `opensearch`: `cloud_id` for the cloud
 * server types, `server_url` for `self-managed`.
 *
 * @example
 * ```ts
 * import type { SearchCredentials } from '@databrain-embed/core';
 * const credentials: SearchCredentials = {
 *   name: 'logs', server_type: 'self-managed', server_url: 'https://es.internal:9200', username: 'svc', password,
 * };
 * ```
 */
export interface SearchCredentials extends NamedCredentials {
  server_type: 'elastic-cloud' | 'open-cloud' | 'self-managed';
  username: string;
  password: string;
  cloud_id?: string;
  server_url?: string;
  isIgnoreVerifyCert?: boolean;
  isIgnoreSsl?: boolean;
}

/**
 * Credentials for `firebolt`.
 *
 * @example
 * ```ts
 * import type { FireboltCredentials } from '@databrain-embed/core';
 * const credentials: FireboltCredentials = {
 *   name: 'fb', client_id: 'id', client_secret: secret, account: 'acme', database: 'db', engineName: 'engine',
 * };
 * ```
 */
export interface FireboltCredentials extends NamedCredentials {
  client_id: string;
  client_secret: string;
  account: string;
  database: string;
  engineName: string;
  schema?: string;
}

/**
 * Credentials for `athena`.
 *
 * @example
 * ```ts
 * import type { AthenaCredentials } from '@databrain-embed/core';
 * const credentials: AthenaCredentials = {
 *   name: 'athena', database: 'db', outputBucket: 's3://results', s3AccessKeyId: 'AKIA...', s3Region: 'us-east-1', s3SecretAccessKey: secret,
 * };
 * ```
 */
export interface AthenaCredentials extends NamedCredentials {
  database: string;
  outputBucket: string;
  s3AccessKeyId: string;
  s3Region: string;
  s3SecretAccessKey: string;
  datasourceId?: string;
}

/**
 * Credentials for `trino`; the `ssh*` fields are required when `sshTunnel` is `"enable"`.
 *
 * @example
 * ```ts
 * import type { TrinoCredentials } from '@databrain-embed/core';
 * const credentials: TrinoCredentials = {
 *   name: 'trino', host: 'trino.internal', port: 8080, catalog: 'hive', schema: 'default', username: 'svc', password,
 * };
 * ```
 */
export interface TrinoCredentials extends NamedCredentials {
  host: string;
  port: number;
  catalog: string;
  schema: string;
  username: string;
  password: string;
  sshTunnel?: 'enable' | 'disable';
  sshHost?: string;
  sshPort?: number;
  sshUsername?: string;
  sshPrivateKey?: string;
}

/**
 * Credentials for the S3-backed types `awss3` and `csv`.
 *
 * @example
 * ```ts
 * import type { S3Credentials } from '@databrain-embed/core';
 * const credentials: S3Credentials = {
 *   name: 'files', bucketName: 'exports', s3Region: 'us-east-1', s3AccessKeyId: 'AKIA...', s3SecretAccessKey: secret, datasetPath: '',
 * };
 * ```
 */
export interface S3Credentials extends NamedCredentials {
  bucketName: string;
  s3Region: string;
  s3AccessKeyId: string;
  s3SecretAccessKey: string;
  /** May be `""` (the bucket root). */
  datasetPath?: string;
  tableLevel?: 'File' | 'Folder';
}

/**
 * The credential object each `datasourceType` takes.
 *
 * @example
 * ```ts
 * import type { DatasourceCredentialsByType } from '@databrain-embed/core';
 * type Redshift = DatasourceCredentialsByType['redshift']; // PostgresCredentials
 * ```
 */
export interface DatasourceCredentialsByType {
  snowflake: SnowflakeCredentials;
  postgres: PostgresCredentials;
  redshift: PostgresCredentials;
  cockroachdb: PostgresCredentials;
  mysql: UserPasswordCredentials;
  mongodb: UserPasswordCredentials;
  clickhouse: UserPasswordCredentials;
  singlestore: SingleStoreCredentials;
  bigquery: BigQueryCredentials;
  databricks: DatabricksCredentials;
  elasticsearch: SearchCredentials;
  opensearch: SearchCredentials;
  mssql: MssqlCredentials;
  awss3: S3Credentials;
  csv: S3Credentials;
  firebolt: FireboltCredentials;
  athena: AthenaCredentials;
  trino: TrinoCredentials;
}

/**
 * Row-level tenancy of a datasource. `TABLE` tenancy maps clients through a
 * table and needs `clientColumnType`.
 *
 * @example
 * ```ts
 * import type { DatasourceTenancySettings } from '@databrain-embed/core';
 * const tenancy: DatasourceTenancySettings = {
 *   tenancyLevel: 'TABLE', clientColumnType: 'STRING', schemaName: 'public', tableName: 'clients',
 *   tableClientNameColumn: 'name', tablePrimaryKeyColumn: 'id',
 * };
 * ```
 */
export interface DatasourceTenancySettings {
  tenancyLevel: 'TABLE' | 'DATABASE';
  /** Required when `tenancyLevel` is `TABLE`. */
  clientColumnType?: 'NUMBER' | 'STRING';
  schemaName?: string;
  tableName?: string;
  tableClientNameColumn?: string;
  tablePrimaryKeyColumn?: string;
}

/**
 * Body of `POST /api/v2/datasource` for one `datasourceType` `T`.
 *
 * @example
 * ```ts
 * import type { DatasourceRequestOf } from '@databrain-embed/core';
 * const body: DatasourceRequestOf<'databricks'> = {
 *   datasourceType: 'databricks',
 *   credentials: { name: 'lake', serverHostname: 'dbc.cloud.databricks.com', httpPath: '/sql/1.0/warehouses/1', token },
 * };
 * ```
 */
export interface DatasourceRequestOf<T extends DatasourceType> {
  datasourceType: T;
  credentials: DatasourceCredentialsByType[T];
  tenancySettings?: DatasourceTenancySettings;
}

/**
 * Body of `POST /api/v2/datasource`: one variant per `datasourceType`, each
 * with its own credential fields.
 *
 * @example
 * ```ts
 * import type { DatasourceRequest } from '@databrain-embed/core';
 * const body: DatasourceRequest = {
 *   datasourceType: 'postgres',
 *   credentials: { name: 'production-postgres', host: 'db.example.com', port: 5432, username: 'dbuser', password, database: 'analytics', schema: 'public' },
 * };
 * ```
 */
export type DatasourceRequest = { [T in DatasourceType]: DatasourceRequestOf<T> }[DatasourceType];

/**
 * Success body of `POST /api/v2/datasource`: the datasource's name.
 *
 * @example
 * ```ts
 * import type { DatasourceResponse } from '@databrain-embed/core';
 * const response: DatasourceResponse = { name: 'production-postgres' };
 * ```
 */
export interface DatasourceResponse {
  name: string;
}

const sshTunnel = oneOf(['enable', 'disable']);

const snowflake = z
  .strictObject({
    name: text(),
    host: text(),
    username: text(),
    role: text(),
    warehouse: text(),
    database: text(),
    schema: text(),
    credentials: oneOf(['username/password', 'Key-pair authentication']),
    password: text().exactOptional(),
    privateKey: text().exactOptional(),
  })
  .superRefine((value, ctx) => {
    if (value.credentials === 'username/password') {
      requireWhen(ctx, value.password, ['password'], 'credentials is "username/password"');
    }
    if (value.credentials === 'Key-pair authentication') {
      requireWhen(ctx, value.privateKey, ['privateKey'], 'credentials is "Key-pair authentication"');
    }
  }, always);

const postgres = z.strictObject({
  name: text(),
  host: text(),
  port: port(),
  username: text(),
  password: text(),
  database: text(),
  schema: text(),
  sslMode: flag().exactOptional(),
  sshTunnel: sshTunnel.exactOptional(),
});

const bigquery = z.strictObject({
  name: text(),
  credentials_json: text(),
  project_id: text(),
  dataset_location: text(),
  dataset_id: text().exactOptional(),
});

const userPassword = { name: text(), host: text(), port: port(), user: text(), password: text() };
const userPasswordCredentials = z.strictObject(userPassword);

const mssql = z.strictObject({
  name: text(),
  server: text(),
  port: port(),
  user: text(),
  password: text(),
  database: text().exactOptional(),
  isDisableDatabase: flag().exactOptional(),
});

const singlestore = z.strictObject({ ...userPassword, database: text() });

const databricks = z.strictObject({ name: text(), serverHostname: text(), httpPath: text(), token: text() });

const search = z
  .strictObject({
    name: text(),
    server_type: oneOf(['elastic-cloud', 'open-cloud', 'self-managed']),
    username: text(),
    password: text(),
    cloud_id: text().exactOptional(),
    server_url: text().exactOptional(),
    isIgnoreVerifyCert: flag().exactOptional(),
    isIgnoreSsl: flag().exactOptional(),
  })
  .superRefine((value, ctx) => {
    if (value.server_type === 'elastic-cloud' || value.server_type === 'open-cloud') {
      requireWhen(ctx, value.cloud_id, ['cloud_id'], `server_type is "${value.server_type}"`);
    }
    if (value.server_type === 'self-managed') {
      requireWhen(ctx, value.server_url, ['server_url'], 'server_type is "self-managed"');
    }
  }, always);

const firebolt = z.strictObject({
  name: text(),
  client_id: text(),
  client_secret: text(),
  account: text(),
  database: text(),
  engineName: text(),
  schema: text().exactOptional(),
});

const athena = z.strictObject({
  name: text(),
  database: text(),
  outputBucket: text(),
  s3AccessKeyId: text(),
  s3Region: text(),
  s3SecretAccessKey: text(),
  datasourceId: text().exactOptional(),
});

const trino = z
  .strictObject({
    name: text(),
    host: text(),
    port: port(),
    catalog: text(),
    schema: text(),
    username: text(),
    password: text(),
    sshTunnel: sshTunnel.exactOptional(),
    sshHost: text().exactOptional(),
    sshPort: port().exactOptional(),
    sshUsername: text().exactOptional(),
    sshPrivateKey: text().exactOptional(),
  })
  .superRefine((value, ctx) => {
    if (value.sshTunnel !== 'enable') return;
    for (const field of ['sshHost', 'sshPort', 'sshUsername', 'sshPrivateKey'] as const) {
      requireWhen(ctx, value[field], [field], 'sshTunnel is "enable"');
    }
  }, always);

const s3 = z.strictObject({
  name: text(),
  bucketName: text(),
  s3Region: text(),
  s3AccessKeyId: text(),
  s3SecretAccessKey: text(),
  datasetPath: anyText().exactOptional(),
  tableLevel: oneOf(['File', 'Folder']).exactOptional(),
});

const tenancySettings = z
  .strictObject(
    {
      tenancyLevel: oneOf(['TABLE', 'DATABASE']),
      clientColumnType: oneOf(['NUMBER', 'STRING']).exactOptional(),
      schemaName: text().exactOptional(),
      tableName: text().exactOptional(),
      tableClientNameColumn: text().exactOptional(),
      tablePrimaryKeyColumn: text().exactOptional(),
    },
    { error: (issue) => (issue.code === 'invalid_type' ? 'must be an object' : undefined) },
  )
  .superRefine((value, ctx) => {
    if (value.tenancyLevel === 'TABLE') {
      requireWhen(ctx, value.clientColumnType, ['clientColumnType'], 'tenancyLevel is "TABLE"');
    }
  }, always);

function variant<const T extends DatasourceType, C extends z.ZodType>(datasourceType: T, credentials: C) {
  return z.strictObject({
    datasourceType: z.literal(datasourceType),
    credentials,
    tenancySettings: tenancySettings.exactOptional(),
  });
}

const datasourceTypes = quotedList(DATASOURCE_TYPES);

/**
 * Validates a `POST /api/v2/datasource` body as DataBrain expects it: the
 * credential fields of its `datasourceType`, their conditional rules, ports
 * from 1 to 65535, and the optional tenancy settings. Unknown keys are rejected
 * so a typo such as `usernmae` is caught before DataBrain's connection test.
 * Issues never contain a field's value.
 *
 * @example
 * ```ts
 * import { datasourceRequestSchema } from '@databrain-embed/core';
 * const result = datasourceRequestSchema.safeParse(body);
 * if (!result.success) console.log(result.error.issues.map((issue) => issue.path.join('.')));
 * ```
 */
export const datasourceRequestSchema: z.ZodType<DatasourceRequest> = plainData(
  z.discriminatedUnion(
    'datasourceType',
    [
      variant('snowflake', snowflake),
      variant('postgres', postgres),
      variant('redshift', postgres),
      variant('cockroachdb', postgres),
      variant('mysql', userPasswordCredentials),
      variant('mongodb', userPasswordCredentials),
      variant('clickhouse', userPasswordCredentials),
      variant('singlestore', singlestore),
      variant('bigquery', bigquery),
      variant('databricks', databricks),
      variant('elasticsearch', search),
      variant('opensearch', search),
      variant('mssql', mssql),
      variant('awss3', s3),
      variant('csv', s3),
      variant('firebolt', firebolt),
      variant('athena', athena),
      variant('trino', trino),
    ],
    {
      error: (issue) =>
        issue.code === 'invalid_union'
          ? `must be one of ${datasourceTypes}`
          : issue.code === 'invalid_type'
            ? 'must be an object with datasourceType and credentials'
            : undefined,
    },
  ),
);

/**
 * Validates a `POST /api/v2/datasource` body and returns it, ready to send.
 * Throws a `DatabrainValidationError` naming every invalid field, without
 * ever quoting a credential value.
 *
 * @example
 * ```ts
 * import { buildDatasourceRequest } from '@databrain-embed/core';
 * const body = buildDatasourceRequest({
 *   datasourceType: 'snowflake',
 *   credentials: {
 *     name: 'warehouse', host: 'acme.snowflakecomputing.com', username: 'svc', role: 'ANALYST',
 *     warehouse: 'WH', database: 'DB', schema: 'PUBLIC', credentials: 'username/password', password,
 *   },
 * });
 * ```
 */
export function buildDatasourceRequest<R extends DatasourceRequest>(input: R): R {
  // The schema accepts exactly the shape of R, and strict objects drop nothing.
  return validate(datasourceRequestSchema, input, 'datasource request') as R;
}
