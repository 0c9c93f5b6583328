// The menu of a 领域 heading (its 领域 ▾ button or a right click): insert a domain above or below, rename,
// move up or down, add an item, delete. Names are typed in the menu itself; deleting a domain that still
// has items asks first, saying how many go with it and that 撤销 brings them back.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { DOMAIN_NAME_LIMIT } from '../../../../shared/domain/limits';

export interface MenuDomain {
  seq: number;
  name: string;
  heading: string;
  itemCount: number;
}

export type DomainAction =
  | { kind: 'insert'; where: 'above' | 'below'; name: string }
  | { kind: 'rename'; name: string }
  | { kind: 'move'; by: -1 | 1 }
  | { kind: 'addItem' }
  | { kind: 'delete' };

type Mode = { kind: 'menu' } | { kind: 'name'; action: 'above' | 'below' | 'rename' } | { kind: 'confirm' };

const NAME_TITLES = { above: '在上方插入领域', below: '在下方插入领域', rename: '重命名领域' } as const;

export function DomainMenu(props: {
  domain: MenuDomain;
  count: number;
  at: { x: number; y: number };
  onAction: (action: DomainAction) => void;
  onClose: () => void;
  /** 'name': straight to the name of a new domain below this place (添加领域 at the end). */
  start?: 'menu' | 'name';
}) {
  const { domain, count, at, onAction, onClose } = props;
  const [mode, setMode] = useState<Mode>(props.start === 'name' ? { kind: 'name', action: 'below' } : { kind: 'menu' });
  const [name, setName] = useState('');
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const away = (e: MouseEvent) => { if (box.current && !box.current.contains(e.target as Node)) onClose(); };
    const escape = (e: KeyboardEvent) => { if (e.key === 'Escape') { e.stopPropagation(); onClose(); } };
    document.addEventListener('mousedown', away);
    document.addEventListener('keydown', escape, true);
    return () => { document.removeEventListener('mousedown', away); document.removeEventListener('keydown', escape, true); };
  }, [onClose]);
  useEffect(() => {
    box.current?.querySelector<HTMLElement>('input, [role="menuitem"]:not(:disabled), button')?.focus();
  }, [mode]);
  // Kept inside the window: a menu opened near the bottom or right edge opens upwards or leftwards.
  const [place, setPlace] = useState(at);
  useLayoutEffect(() => {
    const r = box.current?.getBoundingClientRect();
    if (!r) return;
    setPlace({ x: Math.max(8, Math.min(at.x, window.innerWidth - r.width - 8)), y: Math.max(8, Math.min(at.y, window.innerHeight - r.height - 8)) });
  }, [at, mode]);

  const act = (action: DomainAction) => { onAction(action); onClose(); };
  const askName = (action: 'above' | 'below' | 'rename') => {
    setName(action === 'rename' ? domain.name : '');
    setMode({ kind: 'name', action });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (mode.kind !== 'name') return;
    act(mode.action === 'rename' ? { kind: 'rename', name } : { kind: 'insert', where: mode.action, name });
  };
  const remove = () => (domain.itemCount > 0 ? setMode({ kind: 'confirm' }) : act({ kind: 'delete' }));
  const style = { left: place.x, top: place.y };

  return createPortal(
    <div ref={box} className="domain-menu" style={style} aria-label={`领域“${domain.name}”`} role="dialog">
      <div className="domain-menu-title">{domain.heading}</div>
      {mode.kind === 'menu' && (
        <div role="menu" aria-label="领域操作">
          <button type="button" role="menuitem" onClick={() => askName('above')}>在上方插入领域</button>
          <button type="button" role="menuitem" onClick={() => askName('below')}>在下方插入领域</button>
          <button type="button" role="menuitem" onClick={() => askName('rename')}>重命名</button>
          <hr />
          <button type="button" role="menuitem" disabled={domain.seq === 1} onClick={() => act({ kind: 'move', by: -1 })}>上移</button>
          <button type="button" role="menuitem" disabled={domain.seq === count} onClick={() => act({ kind: 'move', by: 1 })}>下移</button>
          <hr />
          <button type="button" role="menuitem" onClick={() => act({ kind: 'addItem' })}>在此领域开头添加服务项目</button>
          <button type="button" role="menuitem" className="danger" onClick={remove}>删除领域</button>
        </div>
      )}
      {mode.kind === 'name' && (
        <form onSubmit={submit} className="domain-menu-form">
          <label>
            {NAME_TITLES[mode.action]}：领域名称
            <input value={name} onChange={(e) => setName(e.target.value)} maxLength={DOMAIN_NAME_LIMIT * 2} placeholder="如：基本公共文化体育" />
          </label>
          <span className="domain-menu-buttons">
            <button type="submit">确定</button>
            <button type="button" onClick={onClose}>取消</button>
          </span>
        </form>
      )}
      {mode.kind === 'confirm' && (
        <div className="domain-menu-form" role="alertdialog" aria-label="确认删除领域">
          <p>领域“{domain.name}”还有 {domain.itemCount} 项服务项目，删除领域会一并删除它们。删除后可用“撤销”（Ctrl+Z）全部恢复。</p>
          <span className="domain-menu-buttons">
            <button type="button" className="danger" onClick={() => act({ kind: 'delete' })}>删除领域及其 {domain.itemCount} 项</button>
            <button type="button" onClick={onClose}>取消</button>
          </span>
        </div>
      )}
    </div>,
    document.body,
  );
}
