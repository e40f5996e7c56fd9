import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DatabrainValidationError, type ValidationIssue } from './DatabrainValidationError.ts';
import {
  buildDatasourceRequest,
  DATASOURCE_TYPES,
  type DatasourceRequest,
  type DatasourceType,
  datasourceRequestSchema,
} from './datasourceRequest.ts';
import { issuesOf } from './issuesOf.test.helpers.ts';
import { SECRET_CREDENTIAL_FIELDS } from './redactSecrets.ts';

/** Validates a body that is deliberately not a DatasourceRequest. */
function build(body: unknown): DatasourceRequest {
  return buildDatasourceRequest(body as DatasourceRequest);
}

// Whitespace-only text is blank, which every schema rejects.
const text = fc.string({ minLength: 1, maxLength: 16 }).filter((value) => value.trim() !== '');
const tcpPort = fc.integer({ min: 1, max: 65535 });
const bool = fc.boolean();

interface Conditional {
  set: Record<string, string>;
  requires: Record<string, fc.Arbitrary<unknown>>;
}

interface TypeSpec {
  /** Always required, other than the fields a conditional sets. */
  required: Record<string, fc.Arbitrary<unknown>>;
  optional: Record<string, fc.Arbitrary<unknown>>;
  /** At least one applies when `alwaysConditional`; otherwise none may. */
  conditionals: Conditional[];
  alwaysConditional: boolean;
}

const postgresSpec: TypeSpec = {
  required: {
    name: text,
    host: text,
    port: tcpPort,
    username: text,
    password: text,
    database: text,
    schema: text,
  },
  optional: { sslMode: bool, sshTunnel: fc.constantFrom('enable', 'disable') },
  conditionals: [],
  alwaysConditional: false,
};
const userPasswordSpec: TypeSpec = {
  required: { name: text, host: text, port: tcpPort, user: text, password: text },
  optional: {},
  conditionals: [],
  alwaysConditional: false,
};
const searchSpec: TypeSpec = {
  required: { name: text, username: text, password: text },
  optional: { isIgnoreVerifyCert: bool, isIgnoreSsl: bool },
  conditionals: [
    { set: { server_type: 'elastic-cloud' }, requires: { cloud_id: text } },
    { set: { server_type: 'open-cloud' }, requires: { cloud_id: text } },
    { set: { server_type: 'self-managed' }, requires: { server_url: text } },
  ],
  alwaysConditional: true,
};
const s3Spec: TypeSpec = {
  required: { name: text, bucketName: text, s3Region: text, s3AccessKeyId: text, s3SecretAccessKey: text },
  optional: { datasetPath: fc.string({ maxLength: 8 }), tableLevel: fc.constantFrom('File', 'Folder') },
  conditionals: [],
  alwaysConditional: false,
};

const specs: Record<DatasourceType, TypeSpec> = {
  snowflake: {
    required: {
      name: text,
      host: text,
      username: text,
      role: text,
      warehouse: text,
      database: text,
      schema: text,
    },
    optional: {},
    conditionals: [
      { set: { credentials: 'username/password' }, requires: { password: text } },
      { set: { credentials: 'Key-pair authentication' }, requires: { privateKey: text } },
    ],
    alwaysConditional: true,
  },
  postgres: postgresSpec,
  redshift: postgresSpec,
  cockroachdb: postgresSpec,
  mysql: userPasswordSpec,
  mongodb: userPasswordSpec,
  clickhouse: userPasswordSpec,
  singlestore: { ...userPasswordSpec, required: { ...userPasswordSpec.required, database: text } },
  bigquery: {
    required: { name: text, credentials_json: text, project_id: text, dataset_location: text },
    optional: { dataset_id: text },
    conditionals: [],
    alwaysConditional: false,
  },
  databricks: {
    required: { name: text, serverHostname: text, httpPath: text, token: text },
    optional: {},
    conditionals: [],
    alwaysConditional: false,
  },
  elasticsearch: searchSpec,
  opensearch: searchSpec,
  mssql: {
    required: { name: text, server: text, port: tcpPort, user: text, password: text },
    optional: { database: text, isDisableDatabase: bool },
    conditionals: [],
    alwaysConditional: false,
  },
  awss3: s3Spec,
  csv: s3Spec,
  firebolt: {
    required: {
      name: text,
      client_id: text,
      client_secret: text,
      account: text,
      database: text,
      engineName: text,
    },
    optional: { schema: text },
    conditionals: [],
    alwaysConditional: false,
  },
  athena: {
    required: {
      name: text,
      database: text,
      outputBucket: text,
      s3AccessKeyId: text,
      s3Region: text,
      s3SecretAccessKey: text,
    },
    optional: { datasourceId: text },
    conditionals: [],
    alwaysConditional: false,
  },
  trino: {
    required: {
      name: text,
      host: text,
      port: tcpPort,
      catalog: text,
      schema: text,
      username: text,
      password: text,
    },
    optional: {},
    conditionals: [
      {
        set: { sshTunnel: 'enable' },
        requires: { sshHost: text, sshPort: tcpPort, sshUsername: text, sshPrivateKey: text },
      },
      { set: { sshTunnel: 'disable' }, requires: {} },
    ],
    alwaysConditional: false,
  },
};

const tenancy = fc.oneof(
  fc.record(
    {
      tenancyLevel: fc.constant('TABLE'),
      clientColumnType: fc.constantFrom('NUMBER', 'STRING'),
      schemaName: text,
      tableName: text,
      tableClientNameColumn: text,
      tablePrimaryKeyColumn: text,
    },
    { requiredKeys: ['tenancyLevel', 'clientColumnType'] },
  ),
  fc.record(
    { tenancyLevel: fc.constant('DATABASE'), clientColumnType: fc.constantFrom('NUMBER', 'STRING') },
    { requiredKeys: ['tenancyLevel'] },
  ),
);

/** A valid credential object for `type`, and which conditional (if any) it took. */
function validCredentials(
  type: DatasourceType,
): fc.Arbitrary<{ credentials: Record<string, unknown>; conditional: Conditional | undefined }> {
  const spec = specs[type];
  const choices: fc.Arbitrary<Conditional | undefined>[] = spec.conditionals.map((c) => fc.constant(c));
  if (!spec.alwaysConditional) choices.push(fc.constant(undefined));
  return fc.oneof(...choices).chain((conditional) =>
    fc
      .tuple(
        fc.record(spec.required),
        fc.record(spec.optional, { requiredKeys: [] }),
        conditional ? fc.record(conditional.requires) : fc.constant({}),
      )
      .map(([required, optional, extra]) => ({
        credentials: { ...required, ...optional, ...conditional?.set, ...extra },
        conditional,
      })),
  );
}

function validRequest(type: DatasourceType) {
  return fc
    .tuple(validCredentials(type), fc.option(tenancy, { nil: undefined }))
    .map(([{ credentials, conditional }, tenancySettings]) => ({
      body: {
        datasourceType: type,
        credentials,
        ...(tenancySettings === undefined ? {} : { tenancySettings }),
      } as unknown as DatasourceRequest,
      conditional,
    }));
}

const paths = (issues: ValidationIssue[]) => issues.map((issue) => issue.path);

describe('buildDatasourceRequest, property-based', () => {
  it.each(DATASOURCE_TYPES)('accepts every valid %s request and returns it unchanged', (type) => {
    fc.assert(
      fc.property(validRequest(type), ({ body }) => {
        const built = buildDatasourceRequest(body);
        expect(built).toEqual(body);
        expect(JSON.parse(JSON.stringify(built))).toEqual(body);
      }),
      { numRuns: 40 },
    );
  });

  it.each(DATASOURCE_TYPES)(
    'rejects a %s request missing a required credential field, at that field',
    (type) => {
      const keys = Object.keys(specs[type].required);
      fc.assert(
        fc.property(validRequest(type), fc.constantFrom(...keys), ({ body }, key) => {
          const credentials: Record<string, unknown> = { ...body.credentials };
          delete credentials[key];
          const issues = issuesOf(() => build({ ...body, credentials }));
          expect(issues).toContainEqual({ path: `credentials.${key}`, message: 'is required' });
        }),
        { numRuns: 30 },
      );
    },
  );

  it.each(DATASOURCE_TYPES)(
    'rejects a %s request with a wrongly typed credential field, at that field',
    (type) => {
      const keys = Object.keys(specs[type].required);
      fc.assert(
        fc.property(validRequest(type), fc.constantFrom(...keys), ({ body }, key) => {
          const credentials: Record<string, unknown> = { ...body.credentials };
          credentials[key] = typeof credentials[key] === 'number' ? '5432' : 42;
          const issues = issuesOf(() => build({ ...body, credentials }));
          expect(paths(issues)).toContain(`credentials.${key}`);
          expect(issues.find((issue) => issue.path === `credentials.${key}`)?.message).toMatch(/^must be /);
        }),
        { numRuns: 30 },
      );
    },
  );

  const portTypes = DATASOURCE_TYPES.filter((type) => 'port' in specs[type].required);

  it.each(portTypes)('rejects a %s port outside 1–65535 or not an integer', (type) => {
    fc.assert(
      fc.property(validRequest(type), fc.constantFrom(0, 70000, -1, 65536, 80.5), ({ body }, bad) => {
        const issues = issuesOf(() => build({ ...body, credentials: { ...body.credentials, port: bad } }));
        expect(issues).toContainEqual({
          path: 'credentials.port',
          message: 'must be an integer from 1 to 65535',
        });
      }),
      { numRuns: 20 },
    );
  });

  const conditionalTypes = DATASOURCE_TYPES.filter((type) =>
    specs[type].conditionals.some((c) => Object.keys(c.requires).length > 0),
  );

  it.each(conditionalTypes)(
    'rejects a %s request missing a conditionally required field, at that field',
    (type) => {
      const arb = validRequest(type).filter(
        ({ conditional }) => Object.keys(conditional?.requires ?? {}).length > 0,
      );
      fc.assert(
        fc.property(arb, fc.nat(), ({ body, conditional }, pick) => {
          const keys = Object.keys(conditional?.requires ?? {});
          const key = keys[pick % keys.length] ?? '';
          const credentials: Record<string, unknown> = { ...body.credentials };
          delete credentials[key];
          const issues = issuesOf(() => build({ ...body, credentials }));
          const issue = issues.find((i) => i.path === `credentials.${key}`);
          expect(issue?.message).toMatch(/^is required when /);
        }),
        { numRuns: 30 },
      );
    },
  );

  it.each(DATASOURCE_TYPES)(
    'rejects a %s request without credentials.name or without credentials',
    (type) => {
      fc.assert(
        fc.property(validRequest(type), ({ body }) => {
          const { name: _name, ...withoutName } = body.credentials;
          expect(issuesOf(() => build({ ...body, credentials: withoutName }))).toContainEqual({
            path: 'credentials.name',
            message: 'is required',
          });
          const { credentials: _credentials, ...withoutCredentials } = body;
          expect(paths(issuesOf(() => build(withoutCredentials)))).toContain('credentials');
        }),
        { numRuns: 10 },
      );
    },
  );
});

const postgres = {
  datasourceType: 'postgres',
  credentials: {
    name: 'production-postgres',
    host: 'db.example.com',
    port: 5432,
    username: 'dbuser',
    password: 'pw',
    database: 'analytics',
    schema: 'public',
  },
} as const satisfies DatasourceRequest;

const snowflake = {
  datasourceType: 'snowflake',
  credentials: {
    name: 'warehouse',
    host: 'acme.snowflakecomputing.com',
    username: 'svc',
    role: 'ANALYST',
    warehouse: 'WH',
    database: 'DB',
    schema: 'PUBLIC',
    credentials: 'username/password',
    password: 'pw',
  },
} as const satisfies DatasourceRequest;

describe('buildDatasourceRequest', () => {
  it('accepts the documented postgres example as is', () => {
    expect(buildDatasourceRequest(postgres)).toEqual(postgres);
  });

  it('rejects an unknown datasourceType, naming the allowed ones', () => {
    const issues = issuesOf(() => build({ ...postgres, datasourceType: 'oracle' }));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('datasourceType');
    expect(issues[0]?.message).toContain('"cockroachdb"');
  });

  it('rejects a body that is not an object', () => {
    expect(paths(issuesOf(() => build(null)))).toEqual(['']);
    expect(paths(issuesOf(() => build('postgres')))).toEqual(['']);
  });

  it('rejects a misspelled credential key such as usernmae', () => {
    const { username, ...rest } = postgres.credentials;
    const issues = issuesOf(() => build({ ...postgres, credentials: { ...rest, usernmae: username } }));
    expect(issues).toContainEqual({ path: 'credentials.username', message: 'is required' });
    expect(issues).toContainEqual({ path: 'credentials', message: 'Unrecognized key: "usernmae"' });
  });

  it('rejects an unknown top-level key', () => {
    expect(paths(issuesOf(() => build({ ...postgres, tenancySetting: {} })))).toEqual(['']);
  });

  it('uses user, not username, for mysql, mongodb and clickhouse', () => {
    for (const datasourceType of ['mysql', 'mongodb', 'clickhouse'] as const) {
      const credentials = { name: 'db', host: 'h', port: 3306, username: 'svc', password: 'pw' };
      const issues = issuesOf(() => build({ datasourceType, credentials }));
      expect(issues).toContainEqual({ path: 'credentials.user', message: 'is required' });
      expect(issues).toContainEqual({ path: 'credentials', message: 'Unrecognized key: "username"' });
    }
  });

  it('uses server, not host, for mssql', () => {
    const credentials = { name: 'erp', host: 'sql', port: 1433, user: 'svc', password: 'pw' };
    const issues = issuesOf(() => build({ datasourceType: 'mssql', credentials }));
    expect(issues).toContainEqual({ path: 'credentials.server', message: 'is required' });
    const { host: _host, ...rest } = credentials;
    const body = { datasourceType: 'mssql', credentials: { ...rest, server: 'sql' } } as const;
    expect(buildDatasourceRequest(body)).toEqual(body);
  });

  it('requires the snowflake password for username/password and the private key for key-pair authentication', () => {
    const { password: _password, ...withoutPassword } = snowflake.credentials;
    expect(issuesOf(() => build({ ...snowflake, credentials: withoutPassword }))).toEqual([
      { path: 'credentials.password', message: 'is required when credentials is "username/password"' },
    ]);
    const keyPair = { ...withoutPassword, credentials: 'Key-pair authentication' };
    expect(issuesOf(() => build({ ...snowflake, credentials: keyPair }))).toEqual([
      {
        path: 'credentials.privateKey',
        message: 'is required when credentials is "Key-pair authentication"',
      },
    ]);
    expect(build({ ...snowflake, credentials: { ...keyPair, privateKey: 'pem' } })).toBeTruthy();
  });

  it('rejects an unknown snowflake authentication method', () => {
    const issues = issuesOf(() =>
      build({ ...snowflake, credentials: { ...snowflake.credentials, credentials: 'oauth' } }),
    );
    expect(issues).toEqual([
      {
        path: 'credentials.credentials',
        message: 'must be one of "username/password", "Key-pair authentication"',
      },
    ]);
  });

  it('requires cloud_id for cloud search servers and server_url for self-managed ones', () => {
    const base = { name: 'logs', username: 'svc', password: 'pw' };
    expect(
      issuesOf(() =>
        build({ datasourceType: 'elasticsearch', credentials: { ...base, server_type: 'elastic-cloud' } }),
      ),
    ).toEqual([{ path: 'credentials.cloud_id', message: 'is required when server_type is "elastic-cloud"' }]);
    expect(
      issuesOf(() =>
        build({
          datasourceType: 'opensearch',
          credentials: { ...base, server_type: 'self-managed', cloud_id: 'c' },
        }),
      ),
    ).toEqual([
      { path: 'credentials.server_url', message: 'is required when server_type is "self-managed"' },
    ]);
  });

  it('requires every SSH field for trino only when sshTunnel is enable', () => {
    const credentials = {
      name: 't',
      host: 'h',
      port: 8080,
      catalog: 'hive',
      schema: 's',
      username: 'u',
      password: 'pw',
    };
    expect(
      build({ datasourceType: 'trino', credentials: { ...credentials, sshTunnel: 'disable' } }),
    ).toBeTruthy();
    expect(
      paths(
        issuesOf(() =>
          build({ datasourceType: 'trino', credentials: { ...credentials, sshTunnel: 'enable' } }),
        ),
      ),
    ).toEqual([
      'credentials.sshHost',
      'credentials.sshPort',
      'credentials.sshUsername',
      'credentials.sshPrivateKey',
    ]);
    const ssh = {
      sshTunnel: 'enable',
      sshHost: 'bastion',
      sshPort: 70000,
      sshUsername: 'u',
      sshPrivateKey: 'k',
    };
    expect(
      issuesOf(() => build({ datasourceType: 'trino', credentials: { ...credentials, ...ssh } })),
    ).toEqual([{ path: 'credentials.sshPort', message: 'must be an integer from 1 to 65535' }]);
  });

  it('allows an empty S3 datasetPath but not an empty bucket name', () => {
    const credentials = {
      name: 'f',
      bucketName: 'b',
      s3Region: 'us-east-1',
      s3AccessKeyId: 'id',
      s3SecretAccessKey: 's',
    };
    expect(build({ datasourceType: 'csv', credentials: { ...credentials, datasetPath: '' } })).toBeTruthy();
    expect(
      issuesOf(() => build({ datasourceType: 'awss3', credentials: { ...credentials, bucketName: '' } })),
    ).toEqual([{ path: 'credentials.bucketName', message: 'must not be empty' }]);
  });

  it('requires clientColumnType for table-level tenancy only', () => {
    expect(build({ ...postgres, tenancySettings: { tenancyLevel: 'DATABASE' } })).toBeTruthy();
    expect(
      issuesOf(() =>
        build({ ...postgres, tenancySettings: { tenancyLevel: 'TABLE', tableName: 'clients' } }),
      ),
    ).toEqual([
      { path: 'tenancySettings.clientColumnType', message: 'is required when tenancyLevel is "TABLE"' },
    ]);
    expect(paths(issuesOf(() => build({ ...postgres, tenancySettings: { tenancyLevel: 'ROW' } })))).toEqual([
      'tenancySettings.tenancyLevel',
    ]);
    expect(issuesOf(() => build({ ...postgres, tenancySettings: 'TABLE' }))).toEqual([
      { path: 'tenancySettings', message: 'must be an object' },
    ]);
  });

  it('reports every problem at once, with the rule and the path', () => {
    const error = (() => {
      try {
        build({ datasourceType: 'postgres', credentials: { name: '', port: 0, sslMode: 'yes' } });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(DatabrainValidationError);
    const { message } = error as DatabrainValidationError;
    expect(message).toMatch(/^\[databrain-embed\] Invalid datasource request:/);
    expect(message).toContain('credentials.name: must not be empty');
    expect(message).toContain('credentials.port: must be an integer from 1 to 65535');
    expect(message).toContain('credentials.sslMode: must be a boolean (true or false)');
    expect(message).toContain('credentials.host: is required');
  });

  it('is the same check the exported schema performs', () => {
    expect(datasourceRequestSchema.safeParse(postgres).success).toBe(true);
    expect(datasourceRequestSchema.safeParse({ ...postgres, datasourceType: 'oracle' }).success).toBe(false);
  });
});

describe('buildDatasourceRequest and secrets', () => {
  const marker = (type: string, field: string) => `SECRET-${type}-${field}-7f3a9c`;

  function expectNoMarker(run: () => unknown, markers: string[]) {
    let caught: unknown;
    try {
      run();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatabrainValidationError);
    const error = caught as DatabrainValidationError;
    const surfaces = [
      error.message,
      JSON.stringify(error),
      String(error),
      error.stack ?? '',
      JSON.stringify(error.issues),
    ];
    for (const surface of surfaces) {
      for (const secret of markers) expect(surface).not.toContain(secret);
    }
  }

  it.each(DATASOURCE_TYPES)('never puts a %s secret into the error, whatever else is invalid', (type) => {
    const secrets = Object.fromEntries(SECRET_CREDENTIAL_FIELDS.map((field) => [field, marker(type, field)]));
    const markers = Object.values(secrets);
    // Secrets in every secret field, next to invalid values of every kind.
    expectNoMarker(
      () =>
        build({
          datasourceType: type,
          credentials: {
            ...secrets,
            name: 42,
            port: 0,
            server_type: 'x',
            credentials: 'x',
            sshTunnel: 'enable',
          },
        }),
      markers,
    );
    // Secrets of the wrong type or in the wrong place.
    expectNoMarker(
      () =>
        build({
          datasourceType: type,
          credentials: { name: 'n', port: markers[0], secret: markers[1], passwrod: markers[2] },
        }),
      markers,
    );
    expectNoMarker(() => build({ datasourceType: type, credentials: markers }), markers);
    expectNoMarker(
      () =>
        build({
          datasourceType: type,
          credentials: { name: 'n', credentials: markers[3], server_type: markers[4], sshTunnel: markers[5] },
        }),
      markers,
    );
    expectNoMarker(() => build({ datasourceType: markers[6], credentials: secrets }), markers);
  });

  it('never puts a secret into the error when the secrets themselves are the invalid part', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DATASOURCE_TYPES),
        fc.constantFrom(...SECRET_CREDENTIAL_FIELDS),
        (type, field) => {
          const secret = marker(type, field);
          expectNoMarker(
            () => build({ datasourceType: type, credentials: { [field]: [secret], name: secret.length } }),
            [secret],
          );
        },
      ),
    );
  });
});
