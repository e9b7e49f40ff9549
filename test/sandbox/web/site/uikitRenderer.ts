/** Renders a UI Kit forgeDoc (forge-facts §1.4) as plain HTML; Button onClick calls back into the app frame. */
interface ForgeNode {
  type: string;
  props?: Record<string, unknown>;
  children?: ForgeNode[];
}

export function renderForgeDoc(root: HTMLElement, doc: unknown): void {
  root.replaceChildren(render(doc as ForgeNode));
}

function render(node: ForgeNode): Node {
  const props = node.props ?? {};
  const children = (node.children ?? []).map(render);
  switch (node.type) {
    case 'String':
      return document.createTextNode(String(props.text ?? ''));
    case 'Text':
    case 'Heading': {
      const el = document.createElement(node.type === 'Heading' ? 'h3' : 'p');
      el.append(...children);
      return el;
    }
    case 'Button': {
      const el = document.createElement('button');
      el.type = 'button';
      el.dataset.uikit = 'Button';
      el.append(...children);
      const onClick = props.onClick;
      if (typeof onClick === 'function') el.addEventListener('click', () => void (onClick as () => Promise<unknown>)().catch(() => undefined));
      return el;
    }
    default: {
      const el = document.createElement('div');
      el.dataset.uikit = node.type;
      el.append(...children);
      return el;
    }
  }
}
