// The one list of the desktop app, after Ant Design Pro's ProTable (which does not support antd 6): a toolbar with
// refresh, density and column settings (kept per user and list in localStorage), full-width text with ellipsis and
// tooltip, columns that hide on narrow screens, and the key columns (state, deadline) fixed at the right edge.
import { ColumnHeightOutlined, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import {
  Button,
  Checkbox,
  Dropdown,
  Flex,
  Grid,
  Popover,
  Space,
  Table,
  type TableProps,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnType } from 'antd/es/table';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/auth/queries';

/** A column with the list's extras: a stable key, whether it may be hidden, and how wide a screen it needs. */
export type DataColumn<T> = ColumnType<T> & {
  /** Names the column in the stored settings; defaults to its dataIndex. */
  key?: string;
  /** Shown only from this antd breakpoint up (xl ≥ 1200, xxl ≥ 1600 px): lesser columns give way at 1366 px. */
  minScreen?: 'md' | 'lg' | 'xl' | 'xxl';
  /** Hidden until the user turns it on in the column settings. */
  hiddenByDefault?: boolean;
  /** Never hidden (the record's number or name). */
  alwaysShown?: boolean;
  /** Long text: one line with an ellipsis and the whole text in a tooltip. */
  longText?: boolean;
};

export type Density = 'large' | 'middle' | 'small';

interface Settings {
  hidden: string[];
  density: Density;
}

export interface DataTableProps<T> extends Omit<TableProps<T>, 'columns' | 'title'> {
  /** Names the list in the stored settings (`problems`, `units`…). */
  tableId: string;
  columns: DataColumn<T>[];
  /** Refetch the list; shows the refresh button. */
  onRefresh?: () => void;
  /** Left of the toolbar (a title or a count). */
  toolbarTitle?: ReactNode;
}

const storageKey = (tableId: string, user: string) => `wenming.table.${user}.${tableId}`;

/** The column's settings key: its key, else its dataIndex path, else its title. */
export function columnKey<T>(c: DataColumn<T>): string {
  if (c.key) return String(c.key);
  if (Array.isArray(c.dataIndex)) return c.dataIndex.join('.');
  if (c.dataIndex !== undefined) return String(c.dataIndex);
  return typeof c.title === 'string' ? c.title : 'column';
}

function readSettings(key: string, columns: DataColumn<unknown>[]): Settings {
  const fallback: Settings = { hidden: columns.filter((c) => c.hiddenByDefault).map(columnKey), density: 'middle' };
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return fallback;
    const parsed = JSON.parse(raw) as Partial<Settings>;
    return {
      hidden: Array.isArray(parsed.hidden) ? parsed.hidden : fallback.hidden,
      density: parsed.density ?? 'middle',
    };
  } catch {
    return fallback;
  }
}

/** A table with ProTable's list conventions; every desktop list uses it. */
export function DataTable<T extends object>(props: DataTableProps<T>) {
  const { tableId, columns, onRefresh, toolbarTitle, ...tableProps } = props;
  const { t } = useTranslation();
  const user = useMe().data?.user.username ?? 'anonymous';
  const key = storageKey(tableId, user);
  const [settings, setSettings] = useState<Settings>(() => readSettings(key, columns as DataColumn<unknown>[]));
  const save = (next: Settings) => {
    setSettings(next);
    try {
      localStorage.setItem(key, JSON.stringify(next));
    } catch {
      // private mode: the settings last for this page only
    }
  };

  // Lesser columns give way below their breakpoint (not merely hidden: the table's width counts only what shows).
  const screens = Grid.useBreakpoint();
  const shown = useMemo(
    () =>
      columns
        .filter((c) => c.alwaysShown || !settings.hidden.includes(columnKey(c)))
        .filter((c) => !c.minScreen || screens[c.minScreen] !== false)
        .map((c) => toAntColumn(c)),
    [columns, settings.hidden, screens],
  );
  const width = shown.reduce((w, c) => w + (typeof c.width === 'number' ? c.width : 200), 0);

  return (
    <div data-table={tableId}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <div>{toolbarTitle}</div>
        <Space size={4}>
          {onRefresh && (
            <Tooltip title={t('list.refresh')}>
              <Button type="text" aria-label={t('list.refresh')} icon={<ReloadOutlined />} onClick={onRefresh} />
            </Tooltip>
          )}
          <Dropdown
            trigger={['click']}
            menu={{
              selectable: true,
              selectedKeys: [settings.density],
              items: (['large', 'middle', 'small'] as const).map((d) => ({ key: d, label: t(`list.density.${d}`) })),
              onClick: ({ key: d }) => save({ ...settings, density: d as Density }),
            }}
          >
            <Tooltip title={t('list.density')}>
              <Button type="text" aria-label={t('list.density')} icon={<ColumnHeightOutlined />} />
            </Tooltip>
          </Dropdown>
          <Popover
            trigger="click"
            placement="bottomRight"
            title={t('list.columns')}
            content={<ColumnSettings columns={columns} settings={settings} onChange={save} />}
          >
            <Tooltip title={t('list.columns')}>
              <Button type="text" aria-label={t('list.columns')} icon={<SettingOutlined />} />
            </Tooltip>
          </Popover>
        </Space>
      </Flex>
      <Table<T> {...tableProps} size={settings.density} scroll={tableProps.scroll ?? { x: width }} columns={shown} />
    </div>
  );
}

/** The column checklist with 重置. */
function ColumnSettings<T>(p: { columns: DataColumn<T>[]; settings: Settings; onChange: (s: Settings) => void }) {
  const { t } = useTranslation();
  const { columns, settings, onChange } = p;
  return (
    <Flex vertical gap={4} style={{ minWidth: 180 }}>
      {columns.map((c) => {
        const key = columnKey(c);
        return (
          <Checkbox
            key={key}
            disabled={c.alwaysShown}
            checked={c.alwaysShown || !settings.hidden.includes(key)}
            onChange={(e) =>
              onChange({
                ...settings,
                hidden: e.target.checked ? settings.hidden.filter((k) => k !== key) : [...settings.hidden, key],
              })
            }
          >
            {typeof c.title === 'string' ? c.title : key}
          </Checkbox>
        );
      })}
      <Typography.Link
        onClick={() => onChange({ ...settings, hidden: columns.filter((c) => c.hiddenByDefault).map(columnKey) })}
      >
        {t('list.resetColumns')}
      </Typography.Link>
    </Flex>
  );
}

function toAntColumn<T>(c: DataColumn<T>): ColumnType<T> {
  const { minScreen: _m, hiddenByDefault: _h, alwaysShown: _a, longText, ...col } = c;
  const out: ColumnType<T> = { ...col, key: columnKey(c) };
  if (longText) {
    out.ellipsis = { showTitle: false };
    const render = col.render;
    out.render = (value, record, i) => {
      const shownValue = render ? render(value, record, i) : value;
      const text = typeof value === 'string' ? value : undefined;
      return (
        <Tooltip title={text} placement="topLeft" styles={{ root: { maxWidth: 480 } }}>
          <span>{shownValue as ReactNode}</span>
        </Tooltip>
      );
    };
  }
  return out;
}
