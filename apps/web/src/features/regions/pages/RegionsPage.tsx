import { Col, Row } from 'antd';
import { useSearchParams } from 'react-router';
import { RegionDetailPanel } from '../components/RegionDetailPanel';
import { RegionTree } from '../components/RegionTree';
import { useRegionTree } from '../components/use-region-tree';

/** 区划: lazy tree on the left, the selected region's details, history and actions on the right. */
export function RegionsPage() {
  const [params, setParams] = useSearchParams();
  const selected = params.get('code') ?? undefined;
  const tree = useRegionTree();
  const select = (code: string) => setParams({ code }, { replace: true });
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9} xl={8}>
        <RegionTree tree={tree} selected={selected} onSelect={select} />
      </Col>
      <Col xs={24} lg={15} xl={16}>
        <RegionDetailPanel code={selected} onChanged={() => void tree.reload()} />
      </Col>
    </Row>
  );
}
