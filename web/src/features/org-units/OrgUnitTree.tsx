// The tree starts at the units the user's roles are scoped to and loads children only when a
// branch is opened: a province holds thousands of villages, nobody needs them all at once.
import { useQueryClient } from '@tanstack/react-query';
import { App, Spin, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { type Key, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListOf, OrgUnit, OrgUnitRef } from '@ytcs/common';
import { useErrorText } from '../../lib/errors';
import { fetchChildren, orgUnitKeys } from './orgUnits.api';
import { useOrgUnitLabels } from './useOrgUnitLabels';

type Props = {
  roots: OrgUnitRef[];
  asOf: string;
  selectedId: number | null;
  onSelect: (id: number) => void;
};

const LOADING_PREFIX = 'loading:';
const MORE_PREFIX = 'more:';

export function OrgUnitTree({ roots, asOf, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const { kind } = useOrgUnitLabels();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [pages, setPages] = useState<Record<number, ListOf<OrgUnit>>>({});
  const [expandedKeys, setExpandedKeys] = useState<Key[]>([]);
  const pagesRef = useRef(pages);
  pagesRef.current = pages;
  const inFlight = useRef(new Set<number>());

  const load = useCallback(
    async (parentId: number, more = false) => {
      const known = pagesRef.current[parentId];
      if (inFlight.current.has(parentId) || (known && !more)) return;
      const offset = known?.items.length ?? 0;
      inFlight.current.add(parentId);
      try {
        const page = await queryClient.fetchQuery({
          queryKey: orgUnitKeys.children(parentId, asOf, offset),
          queryFn: ({ signal }) => fetchChildren(parentId, asOf, offset, signal),
        });
        setPages((prev) => ({
          ...prev,
          [parentId]: { items: [...(prev[parentId]?.items ?? []), ...page.items], total: page.total },
        }));
      } catch (error) {
        message.error(errorText(error));
      } finally {
        inFlight.current.delete(parentId);
      }
    },
    [asOf, queryClient, message, errorText],
  );

  // A user scoped to a single unit almost always wants to see what is inside it. Only on mount:
  // `load` changes with the language, and re-running would fold the branches the user opened.
  const loadRef = useRef(load);
  loadRef.current = load;
  const singleRootId = roots.length === 1 ? roots[0]?.id : undefined;
  useEffect(() => {
    if (singleRootId === undefined) return;
    setExpandedKeys([String(singleRootId)]);
    void loadRef.current(singleRootId);
  }, [singleRootId]);

  const title = (unit: OrgUnitRef) => (
    <span className="orgunit-node">
      <span className="orgunit-node-name">{unit.name}</span>
      <Typography.Text type="secondary" className="orgunit-node-kind">
        {kind(unit.kind)}
      </Typography.Text>
    </span>
  );

  const toNode = (unit: OrgUnitRef | OrgUnit): DataNode => {
    const key = String(unit.id);
    const page = pages[unit.id];
    if (page) {
      const children = page.items.map(toNode);
      const remaining = page.total - page.items.length;
      if (remaining > 0) {
        children.push({
          key: `${MORE_PREFIX}${unit.id}`,
          isLeaf: true,
          title: <Typography.Link>{t('orgUnit.loadMore', { count: remaining })}</Typography.Link>,
        });
      }
      return { key, title: title(unit), children, isLeaf: children.length === 0 };
    }
    if ('childCount' in unit && unit.childCount === 0) return { key, title: title(unit), isLeaf: true };
    // Until the branch is opened we only know it may have children; a placeholder keeps the switcher.
    return {
      key,
      title: title(unit),
      children: [
        { key: `${LOADING_PREFIX}${unit.id}`, isLeaf: true, selectable: false, title: <Spin size="small" /> },
      ],
    };
  };

  return (
    <Tree
      data-testid="orgunit-tree"
      className="orgunit-tree"
      blockNode
      showLine
      treeData={roots.map(toNode)}
      expandedKeys={expandedKeys}
      selectedKeys={selectedId === null ? [] : [String(selectedId)]}
      onExpand={(keys, info) => {
        setExpandedKeys(keys);
        if (info.expanded) void load(Number(info.node.key));
      }}
      onSelect={(_, info) => {
        const key = String(info.node.key);
        if (key.startsWith(MORE_PREFIX)) void load(Number(key.slice(MORE_PREFIX.length)), true);
        else if (!key.startsWith(LOADING_PREFIX)) onSelect(Number(key));
      }}
    />
  );
}
