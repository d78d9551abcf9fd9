import { Flex, Input } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface ListToolbarProps {
  /** Omit both for lists the server does not search. */
  q?: string;
  onSearch?: (q: string) => void;
  /** What the search matches, when not names and pinyin initials. */
  placeholder?: string;
  /** Filter controls, left after the search box. */
  filters?: ReactNode;
  /** Buttons on the right (新建, 导入, 导出). */
  actions?: ReactNode;
}

/** Search box (names, pinyin initials, 繁/简), filters and actions above a list. */
export function ListToolbar({ q, onSearch, placeholder, filters, actions }: ListToolbarProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(q ?? '');
  useEffect(() => setText(q ?? ''), [q]);
  return (
    <Flex wrap gap={8} justify="space-between" style={{ marginBottom: 16 }}>
      <Flex wrap gap={8} align="center">
        {onSearch && (
          <Input.Search
            aria-label={t('common.search')}
            placeholder={placeholder ?? t('common.searchPlaceholder')}
            allowClear
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (!e.target.value) onSearch('');
            }}
            onSearch={onSearch}
            enterButton={t('common.search')}
            style={{ width: 300 }}
          />
        )}
        {filters}
      </Flex>
      <Flex wrap gap={8}>
        {actions}
      </Flex>
    </Flex>
  );
}
