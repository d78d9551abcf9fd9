// antd-mobile 5 renders Toast.show / Dialog.confirm with ReactDOM.render, which React 19 removed: without this
// they silently show nothing. Hand it React 19's createRoot (the compatibility hook antd-mobile documents).
// Imported for its effect by the phone shell, so every page under /m/ gets working pop-ups.
import { unstableSetRender } from 'antd-mobile';
import { createRoot } from 'react-dom/client';

unstableSetRender((node, container) => {
  const root = createRoot(container);
  root.render(node);
  return async () => {
    root.unmount();
  };
});
