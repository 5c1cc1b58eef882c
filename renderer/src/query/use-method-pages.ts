import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract/index.js';
import { appErrorOf, callOrThrow } from './query-client.js';

const PAGE = 50;

/** Methods that page by keyset: they take a cursor and a limit and answer items and the next cursor. */
type PagedMethod = {
  [M in MethodName]: MethodInput<M> extends { cursor?: string | null | undefined; limit?: number | undefined }
    ? MethodOutput<M> extends { items: readonly unknown[]; nextCursor: string | null }
      ? M
      : never
    : never;
}[MethodName];

type Filters<M extends PagedMethod> = Omit<MethodInput<M>, 'cursor' | 'limit'>;
type Item<M extends PagedMethod> = MethodOutput<M>['items'][number];

/**
 * A keyset-paged list: "Muat lagi" appends a page. It stays as loaded when the operator opens a
 * customer and comes back. When an event makes it stale, TanStack Query
 * refetches every loaded page in place (same pages, same order), so the operator's long list keeps
 * its length and scroll position; rows that did not change keep their identity and do not re-render.
 */
export function useMethodPages<M extends PagedMethod>(method: M, filters: Filters<M>, options: { enabled?: boolean } = {}) {
  const query = useInfiniteQuery({
    ...options,
    queryKey: [method, filters],
    queryFn: ({ pageParam }) => callOrThrow(method, { ...filters, cursor: pageParam, limit: PAGE } as MethodInput<M>),
    initialPageParam: null as string | null,
    getNextPageParam: (last: MethodOutput<M>) => last.nextCursor ?? undefined,
    // A new search keeps the old rows on screen (dimmed) until its answer arrives.
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
  const pages = query.data?.pages;
  const items = useMemo(() => (pages ?? []).flatMap((page) => page.items as Item<M>[]), [pages]);
  const state = {
    loading: query.isPending,
    refreshing: query.isFetching && !query.isFetchingNextPage && !query.isPending,
    error: appErrorOf(query.error),
    more: { hasMore: query.hasNextPage, loading: query.isFetchingNextPage, onLoadMore: () => void query.fetchNextPage({ cancelRefetch: false }) },
  };
  return {
    items,
    /** The first page's answer, for totals and the like. */
    first: pages?.[0],
    ...state,
    /** What DataTable takes of a paged list, spread into it: `<DataTable {...list.table} …/>`. */
    table: { rows: items, ...state },
  };
}
