import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DatabrainValidationError, type ValidationIssue } from './DatabrainValidationError.ts';
import { issuesOf } from './issuesOf.test.helpers.ts';
import {
  buildWorkspaceRequest,
  WORKSPACE_CONNECTION_TYPES,
  WORKSPACE_SUMMARY_TYPES,
  type WorkspaceRequest,
  workspaceRequestSchema,
} from './workspaceRequest.ts';

/** Validates a body that is deliberately not a WorkspaceRequest. */
function build(body: unknown): WorkspaceRequest {
  return buildWorkspaceRequest(body as WorkspaceRequest);
}

// Whitespace-only text is blank, which every schema rejects.
const text = fc.string({ minLength: 1, maxLength: 16 }).filter((value) => value.trim() !== '');

const connection = fc.oneof(
  fc.record({ connectionType: fc.constant('DATASOURCE'), datasourceName: text }),
  fc.record({ connectionType: fc.constant('DATAMART'), datamartName: text }),
  fc.record({ connectionType: fc.constant('MULTI_DATASOURCE') }),
  fc.record({ connectionType: fc.constant('MULTI_DATAMART') }),
);

const summary = fc.oneof(
  fc.record({ isEnableMetricSummary: fc.constant(false) }, { requiredKeys: [] }),
  fc.record({
    isEnableMetricSummary: fc.constant(true),
    summaryType: fc.constantFrom(...WORKSPACE_SUMMARY_TYPES.filter((type) => type !== 'custom')),
  }),
  fc.record({
    isEnableMetricSummary: fc.constant(true),
    summaryType: fc.constant('custom'),
    customSummaryPrompt: text,
  }),
);

const validWorkspace = fc
  .tuple(
    fc.record({ name: text }),
    connection,
    summary,
    fc.record(
      {
        llmName: text,
        aiCopilotLlms: fc.array(text, { maxLength: 3 }),
        isEnableMetricSuggestions: fc.boolean(),
        themeName: text,
      },
      { requiredKeys: [] },
    ),
  )
  .map(
    ([name, conn, summaryFields, extra]) =>
      ({ ...name, ...conn, ...summaryFields, ...extra }) as WorkspaceRequest,
  );

describe('buildWorkspaceRequest, property-based', () => {
  it('accepts every valid workspace request and returns it unchanged', () => {
    fc.assert(
      fc.property(validWorkspace, (body) => {
        expect(buildWorkspaceRequest(body)).toEqual(body);
        expect(JSON.parse(JSON.stringify(buildWorkspaceRequest(body)))).toEqual(body);
      }),
    );
  });

  it('rejects a request without a name, at name', () => {
    fc.assert(
      fc.property(validWorkspace, ({ name: _name, ...body }) => {
        expect(issuesOf(() => build(body))).toContainEqual({ path: 'name', message: 'is required' });
      }),
    );
  });

  it('rejects a wrongly typed field, at that field', () => {
    const fields = ['name', 'llmName', 'themeName', 'isEnableMetricSuggestions', 'aiCopilotLlms'] as const;
    fc.assert(
      fc.property(validWorkspace, fc.constantFrom(...fields), (body, field) => {
        const issues = issuesOf(() =>
          build({
            ...body,
            [field]: field === 'name' || field === 'llmName' || field === 'themeName' ? 7 : 'yes',
          }),
        );
        expect(issues.find((issue) => issue.path === field)?.message).toMatch(/^must be /);
      }),
    );
  });

  it('rejects a missing conditional field, at that field', () => {
    fc.assert(
      fc.property(validWorkspace, (body) => {
        const record: Record<string, unknown> = { ...body };
        const conditional =
          body.connectionType === 'DATASOURCE'
            ? 'datasourceName'
            : body.connectionType === 'DATAMART'
              ? 'datamartName'
              : body.summaryType === 'custom'
                ? 'customSummaryPrompt'
                : body.isEnableMetricSummary === true
                  ? 'summaryType'
                  : undefined;
        fc.pre(conditional !== undefined);
        delete record[conditional ?? ''];
        const issue = issuesOf(() => build(record)).find((i) => i.path === conditional);
        expect(issue?.message).toMatch(/^is required when /);
      }),
    );
  });
});

describe('buildWorkspaceRequest', () => {
  it('accepts each connection type with only what it needs', () => {
    expect(build({ name: 'S', connectionType: 'DATASOURCE', datasourceName: 'pg' })).toBeTruthy();
    expect(build({ name: 'S', connectionType: 'DATAMART', datamartName: 'mart' })).toBeTruthy();
    expect(build({ name: 'S', connectionType: 'MULTI_DATASOURCE' })).toBeTruthy();
    expect(build({ name: 'S', connectionType: 'MULTI_DATAMART' })).toEqual({
      name: 'S',
      connectionType: 'MULTI_DATAMART',
    });
  });

  it('rejects an unknown connection type, naming every allowed one', () => {
    const issues = issuesOf(() => build({ name: 'S', connectionType: 'DATALAKE' }));
    expect(issues).toEqual([
      {
        path: 'connectionType',
        message: `must be one of ${WORKSPACE_CONNECTION_TYPES.map((t) => `"${t}"`).join(', ')}`,
      },
    ]);
  });

  it('requires datasourceName for DATASOURCE and datamartName for DATAMART', () => {
    expect(issuesOf(() => build({ name: 'S', connectionType: 'DATASOURCE' }))).toEqual([
      { path: 'datasourceName', message: 'is required when connectionType is "DATASOURCE"' },
    ]);
    expect(issuesOf(() => build({ name: 'S', connectionType: 'DATAMART', datamartName: '' }))).toEqual([
      { path: 'datamartName', message: 'must not be empty' },
    ]);
  });

  it('rejects a datamart name on a datasource workspace, catching a mixed-up field', () => {
    expect(
      issuesOf(() =>
        build({ name: 'S', connectionType: 'DATASOURCE', datasourceName: 'pg', datamartName: 'm' }),
      ),
    ).toEqual([{ path: '', message: 'Unrecognized key: "datamartName"' }]);
  });

  it('requires summaryType when metric summaries are on, and a prompt for a custom summary', () => {
    const base = { name: 'S', connectionType: 'MULTI_DATASOURCE' };
    expect(issuesOf(() => build({ ...base, isEnableMetricSummary: true }))).toEqual([
      { path: 'summaryType', message: 'is required when isEnableMetricSummary is true' },
    ]);
    expect(issuesOf(() => build({ ...base, isEnableMetricSummary: true, summaryType: 'custom' }))).toEqual([
      { path: 'customSummaryPrompt', message: 'is required when summaryType is "custom"' },
    ]);
    expect(
      paths(issuesOf(() => build({ ...base, isEnableMetricSummary: true, summaryType: 'haiku' }))),
    ).toEqual(['summaryType']);
    expect(build({ ...base, isEnableMetricSummary: false })).toBeTruthy();
  });

  it('rejects an empty LLM name inside aiCopilotLlms, at its index', () => {
    expect(
      issuesOf(() => build({ name: 'S', connectionType: 'MULTI_DATAMART', aiCopilotLlms: ['gpt', ''] })),
    ).toEqual([{ path: 'aiCopilotLlms[1]', message: 'must not be empty' }]);
    expect(
      issuesOf(() => build({ name: 'S', connectionType: 'MULTI_DATAMART', aiCopilotLlms: 'gpt' })),
    ).toEqual([{ path: 'aiCopilotLlms', message: 'must be an array of LLM names' }]);
  });

  it('reports every issue in one error whose message names the paths', () => {
    let caught: unknown;
    try {
      build({ connectionType: 'DATASOURCE', isEnableMetricSummary: true });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatabrainValidationError);
    expect((caught as Error).message).toBe(
      '[databrain-embed] Invalid workspace request:\n' +
        '  - name: is required\n' +
        '  - datasourceName: is required when connectionType is "DATASOURCE"\n' +
        '  - summaryType: is required when isEnableMetricSummary is true',
    );
  });

  it('rejects input that is not an object without throwing anything else', () => {
    expect(paths(issuesOf(() => build(null)))).toEqual(['']);
    expect(paths(issuesOf(() => build([])))).toEqual(['']);
  });

  it('is the same check the exported schema performs', () => {
    expect(workspaceRequestSchema.safeParse({ name: 'S', connectionType: 'MULTI_DATASOURCE' }).success).toBe(
      true,
    );
    expect(workspaceRequestSchema.safeParse({ name: 'S', connectionType: 'DATASOURCE' }).success).toBe(false);
  });
});

function paths(issues: ValidationIssue[]): string[] {
  return issues.map((issue) => issue.path);
}
