import { expiresInSchema, guestTokenParamsSchema, permissionsSchema } from '@databrain-embed/core';
import { closedObject, requiredText, validate, z } from '@databrain-embed/core/internal';
import type {
  DatabrainRow,
  DatabrainStorybookConfig,
  ResolvedDatabrainStorybookConfig,
} from './DatabrainStorybookConfig.ts';

/** Persona names travel in URLs (`?globals=databrainPersona:<name>`) and cookies. */
const PERSONA_NAME = /^[A-Za-z0-9_.-]+$/;

const cell = z.union([z.string(), z.number().finite(), z.boolean(), z.null()], {
  error: 'must be text, a finite number, true/false or null',
});

const row = z.record(z.string(), cell, { error: 'must be an object of column → value' });

const metric = closedObject({ metricId: requiredText(), name: requiredText() }, 'must be an object');

const embed = closedObject(
  {
    embedId: requiredText(),
    type: z.enum(['dashboard', 'metric'], { error: 'must be "dashboard" or "metric"' }),
    name: requiredText(),
    rows: z.array(row, { error: 'must be an array of rows' }).exactOptional(),
    metrics: z.array(metric, { error: 'must be an array of metrics' }).exactOptional(),
  },
  'must be an object',
);

const persona = closedObject(
  {
    clientId: requiredText(),
    label: requiredText().exactOptional(),
    params: guestTokenParamsSchema.exactOptional(),
    permissions: permissionsSchema.exactOptional(),
    expiresIn: expiresInSchema.exactOptional(),
  },
  'must be an object',
);

const shape = closedObject(
  {
    dataAppName: requiredText(),
    embeds: z.array(embed, { error: 'must be an array of embeds' }).min(1, 'must list at least one embed'),
    tenantColumn: requiredText().exactOptional(),
    dataFilters: z.array(requiredText(), { error: 'must be an array of column names' }).exactOptional(),
    personas: z
      .record(z.string().regex(PERSONA_NAME), persona, {
        error: (issue) =>
          issue.code === 'invalid_key'
            ? 'is no usable persona name: use letters, digits, "-", "_" and "." only (names travel in URLs)'
            : 'must be an object of persona name → persona',
      })
      .refine((personas) => Object.keys(personas).length > 0, 'must name at least one persona'),
    defaultPersona: requiredText().exactOptional(),
  },
  'must be an object',
);

type Shape = z.output<typeof shape>;
type Issue = { path: PropertyKey[]; message: string };

/** The type of a column, read from a value: what every other value of the column must match. */
function kindOf(value: DatabrainRow[string]): 'text' | 'number' | 'true/false' | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'number';
  return 'true/false';
}

/** Rows: the tenant column on every row, one type per column. */
function rowIssues(config: Shape, tenantColumn: string): Issue[] {
  const issues: Issue[] = [];
  config.embeds.forEach((embed, embedIndex) => {
    const kinds = new Map<string, ReturnType<typeof kindOf>>();
    (embed.rows ?? []).forEach((row, rowIndex) => {
      const path = ['embeds', embedIndex, 'rows', rowIndex];
      const tenant = row[tenantColumn];
      if (typeof tenant !== 'string' && typeof tenant !== 'number') {
        issues.push({
          path: [...path, tenantColumn],
          message: `is required: every row needs its tenant in the "${tenantColumn}" column (tenantColumn)`,
        });
      }
      for (const [column, value] of Object.entries(row)) {
        const kind = kindOf(value);
        if (kind === null) continue;
        const expected = kinds.get(column);
        if (expected === undefined || expected === null) kinds.set(column, kind);
        else if (expected !== kind)
          issues.push({
            path: [...path, column],
            message: `must be ${expected}, like the column's first value`,
          });
      }
    });
  });
  return issues;
}

/** Embed ids are unique; persona filters and allowed embeds name embeds of the right type. */
function referenceIssues(config: Shape): Issue[] {
  const issues: Issue[] = [];
  const types = new Map<string, 'dashboard' | 'metric'>();
  config.embeds.forEach((embed, index) => {
    if (types.has(embed.embedId))
      issues.push({ path: ['embeds', index, 'embedId'], message: 'must be unique among the embeds' });
    else types.set(embed.embedId, embed.type);
  });
  const known = (type: 'dashboard' | 'metric') =>
    [...types].filter(([, kind]) => kind === type).map(([id]) => id);
  // An appFilter names a metric: a metric embed, or a metric an embed lists.
  const metricIds = new Set(known('metric'));
  config.embeds.forEach((embed, index) => {
    const seen = new Set<string>();
    embed.metrics?.forEach((metric, metricIndex) => {
      if (seen.has(metric.metricId))
        issues.push({
          path: ['embeds', index, 'metrics', metricIndex, 'metricId'],
          message: 'must be unique among the metrics of its embed',
        });
      seen.add(metric.metricId);
      metricIds.add(metric.metricId);
    });
  });
  for (const [name, { params }] of Object.entries(config.personas)) {
    const base = ['personas', name, 'params'];
    params?.appFilters?.forEach((filter, index) => {
      if (!metricIds.has(filter.metricId))
        issues.push({
          path: [...base, 'appFilters', index, 'metricId'],
          message: `must be the embedId of a metric in embeds or a metric they list (${[...metricIds].join(', ') || 'none'})`,
        });
    });
    params?.dashboardAppFilters?.forEach((filter, index) => {
      if (types.get(filter.dashboardId) !== 'dashboard')
        issues.push({
          path: [...base, 'dashboardAppFilters', index, 'dashboardId'],
          message: `must be the embedId of a dashboard in embeds (${known('dashboard').join(', ') || 'none'})`,
        });
    });
    params?.allowedEmbeds?.forEach((embedId, index) => {
      if (!types.has(embedId))
        issues.push({ path: [...base, 'allowedEmbeds', index], message: 'must be an embedId of embeds' });
    });
  }
  const names = Object.keys(config.personas);
  if (config.defaultPersona !== undefined && !Object.hasOwn(config.personas, config.defaultPersona)) {
    issues.push({ path: ['defaultPersona'], message: `must name one of the personas (${names.join(', ')})` });
  }
  return issues;
}

/**
 * The rules of `.storybook/databrain.ts`: the persona fields are checked with
 * core's guest-token schemas (params, permissions, lifetime), rows are plain
 * JSON with the tenant column on every row and one type per column, and
 * every embed a persona's filters name exists. Defaults are filled in.
 *
 * @example
 * ```ts
 * import { databrainStorybookConfigSchema } from '@databrain-embed/storybook';
 * databrainStorybookConfigSchema.safeParse({ dataAppName: 'shop', embeds: [], personas: {} }).success; // false
 * ```
 */
export const databrainStorybookConfigSchema: z.ZodType<ResolvedDatabrainStorybookConfig> = shape
  .superRefine((config, context) => {
    const tenantColumn = config.tenantColumn ?? 'tenant';
    for (const issue of [...rowIssues(config, tenantColumn), ...referenceIssues(config)]) {
      context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
  })
  .transform(
    (config): ResolvedDatabrainStorybookConfig => ({
      dataAppName: config.dataAppName,
      embeds: config.embeds.map((embed) => ({ ...embed, rows: embed.rows ?? [] })),
      tenantColumn: config.tenantColumn ?? 'tenant',
      ...(config.dataFilters === undefined ? {} : { dataFilters: config.dataFilters }),
      personas: config.personas,
      defaultPersona: config.defaultPersona ?? (Object.keys(config.personas)[0] as string),
    }),
  );

/**
 * Checks a Storybook config (what `.storybook/databrain.ts` exports) and
 * fills in its defaults. Throws a `DatabrainValidationError` listing every
 * problem by path, e.g. `personas.globex-editor.permissions.isEnableExport:
 * unknown permission key`; `source` names the file in the message.
 *
 * @example
 * ```ts
 * import { parseDatabrainStorybookConfig } from '@databrain-embed/storybook';
 * const config = parseDatabrainStorybookConfig(module.default, '.storybook/databrain.ts');
 * config.defaultPersona; // the first persona unless one is named
 * ```
 */
export function parseDatabrainStorybookConfig(
  input: DatabrainStorybookConfig | unknown,
  source = 'DataBrain Storybook config',
): ResolvedDatabrainStorybookConfig {
  return validate(databrainStorybookConfigSchema, input, source);
}
