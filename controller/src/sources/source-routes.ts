import {
  CreateSource,
  ErrorCode,
  type SourceData,
  type SourceDefinition,
  type SourceView,
  Slug,
  UpdateSource,
} from '@baruga/protocol';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError, parseWith } from '../http/http-errors';
import type { SourceRunner } from './source-runner';
import { previewSource } from './source-runner';
import type { SourcesRepository, StoredSource } from './sources-repository';

const Params = z.object({ id: Slug });

/** A CSV uploaded with its source can be a few MiB; every other body stays under the API's 256 KiB. */
const SOURCE_BODY_LIMIT = 5 * 1024 * 1024;

function definitionView(d: SourceDefinition) {
  switch (d.kind) {
    case 'ckan':
      return {
        url: d.url,
        resourceId: d.resourceId,
        ...(d.filters ? { filters: d.filters } : {}),
        ...(d.q ? { q: d.q } : {}),
        ...(d.sort ? { sort: d.sort } : {}),
        pageSize: d.pageSize,
        uploaded: false,
      };
    case 'json':
      return { url: d.url, path: d.path, uploaded: false };
    case 'csv':
      return { url: d.url ?? null, uploaded: d.text !== undefined };
  }
}

/** Data sources (docs/api.md, "Data sources"); the token a CKAN source carries is never sent back. */
export async function sourceRoutes(
  app: FastifyInstance,
  { sources, runner }: { sources: SourcesRepository; runner: SourceRunner },
) {
  function view(s: StoredSource): SourceView {
    const d = s.definition;
    const data = sources.data(s.id);
    return {
      id: s.id,
      name: d.name,
      kind: d.kind,
      credit: d.credit,
      refreshS: d.refreshS,
      timeoutMs: d.timeoutMs,
      maxBytes: d.maxBytes,
      maxRows: d.maxRows,
      numberFormat: d.numberFormat,
      columns: d.columns,
      ...definitionView(d),
      apiTokenSet: s.apiToken !== null,
      status: {
        fetchedAt: data?.fetchedAt ?? null,
        checkedAt: data?.checkedAt ?? null,
        stale: data?.error !== null && data?.error !== undefined,
        error: data?.error ?? null,
        rows: data?.rowCount ?? 0,
        version: data?.version ?? 0,
        nextRefreshAt: runner.nextRefreshAt(s.id),
      },
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
    };
  }

  function sourceOr404(id: string): StoredSource {
    const source = sources.get(id);
    if (!source) throw new ApiError(404, ErrorCode.sourceNotFound, `no data source "${id}"`);
    return source;
  }

  const tokenOf = (d: SourceDefinition): string | null | undefined => (d.kind === 'ckan' ? d.apiToken : null);

  app.get('/api/sources', { config: { access: 'signed-in' } }, async () => sources.list().map(view));

  app.post(
    '/api/sources',
    { bodyLimit: SOURCE_BODY_LIMIT, config: { access: 'admin', action: 'source.create' } },
    async (request, reply) => {
      const { id, ...definition } = parseWith(CreateSource, request.body);
      if (sources.get(id)) throw new ApiError(409, ErrorCode.sourceExists, `a data source "${id}" already exists`);
      sources.create(id, definition, tokenOf(definition) ?? null);
      // The first fetch is part of adding a source: the answer says at once whether it works.
      await runner.refresh(id);
      return reply.status(201).send(view(sourceOr404(id)));
    },
  );

  /** Tries a definition once and shows its rows, storing nothing (the console's "test" before saving). */
  app.post(
    '/api/sources/test',
    { bodyLimit: SOURCE_BODY_LIMIT, config: { access: 'admin', action: 'source.test' } },
    async (request): Promise<SourceData> => {
      const definition = parseWith(UpdateSource, request.body);
      const fetched = await previewSource(definition, tokenOf(definition) ?? null);
      if (!fetched.ok) throw new ApiError(422, fetched.error.code, fetched.error.message);
      const { columns, rows } = fetched.value;
      return { columns, rows, fetchedAt: new Date().toISOString(), stale: false };
    },
  );

  app.get('/api/sources/:id', { config: { access: 'signed-in' } }, async (request) => {
    const { id } = parseWith(Params, request.params, 'path');
    return view(sourceOr404(id));
  });

  app.put(
    '/api/sources/:id',
    { bodyLimit: SOURCE_BODY_LIMIT, config: { access: 'admin', action: 'source.update' } },
    async (request) => {
      const { id } = parseWith(Params, request.params, 'path');
      const before = sourceOr404(id);
      const definition = parseWith(UpdateSource, request.body);
      const token = tokenOf(definition);
      sources.replace(id, definition, token === undefined ? before.apiToken : token);
      await runner.refresh(id);
      return view(sourceOr404(id));
    },
  );

  app.delete('/api/sources/:id', { config: { access: 'admin', action: 'source.delete' } }, async (request, reply) => {
    const { id } = parseWith(Params, request.params, 'path');
    sourceOr404(id);
    sources.remove(id);
    await runner.forget(id);
    return reply.status(204).send();
  });

  app.get('/api/sources/:id/data', { config: { access: 'signed-in' } }, async (request): Promise<SourceData> => {
    const { id } = parseWith(Params, request.params, 'path');
    sourceOr404(id);
    const data = sources.data(id);
    return {
      columns: data?.columns ?? [],
      rows: data?.rows ?? [],
      fetchedAt: data?.fetchedAt ?? null,
      stale: data?.error !== null && data?.error !== undefined,
      ...(data?.error ? { error: data.error } : {}),
    };
  });

  app.post('/api/sources/:id/refresh', { config: { access: 'editor', action: 'source.refresh' } }, async (request) => {
    const { id } = parseWith(Params, request.params, 'path');
    sourceOr404(id);
    await runner.refresh(id);
    return view(sourceOr404(id));
  });
}
