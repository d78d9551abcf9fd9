import { Card, Empty, Spin, Tag, Tree, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { RegionSelect } from '../../../components/selects';
import type { RegionDataNode, useRegionTree } from './use-region-tree';

interface RegionTreeProps {
  tree: ReturnType<typeof useRegionTree>;
  selected?: string;
  onSelect: (code: string) => void;
}

/** The region hierarchy, loading each level when it is opened, with a search box that jumps to a region. */
export function RegionTree({ tree, selected, onSelect }: RegionTreeProps) {
  const { t } = useTranslation();
  return (
    <Card title={t('region.tree')} size="small">
      <RegionSelect
        aria-label={t('region.searchTree')}
        placeholder={t('region.searchTree')}
        value={null}
        onChange={(code) => code && onSelect(code)}
        style={{ width: '100%', marginBottom: 12 }}
      />
      <ApiErrorAlert error={tree.error} onRetry={() => void tree.reload()} />
      <Spin spinning={tree.isLoading}>
        {tree.treeData.length === 0 && !tree.isLoading ? (
          <Empty />
        ) : (
          <Tree<RegionDataNode>
            aria-label={t('region.tree')}
            treeData={tree.treeData}
            expandedKeys={tree.expandedKeys}
            loadedKeys={tree.loadedKeys}
            onExpand={(keys) => tree.setExpandedKeys(keys.map(String))}
            loadData={(node) => tree.loadChildren(String(node.key))}
            selectedKeys={selected ? [selected] : []}
            onSelect={(keys) => keys[0] && onSelect(String(keys[0]))}
            titleRender={(node) => (
              <span>
                {node.region.name}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {node.region.code}
                </Typography.Text>
                {node.region.status === 'retired' && <Tag style={{ marginLeft: 4 }}>{t('regionStatus.retired')}</Tag>}
              </span>
            )}
            style={{ maxHeight: '70vh', overflow: 'auto' }}
          />
        )}
      </Spin>
    </Card>
  );
}
