/** The monthly 催报 card of one chat: each unit that has not reported this month, its liaison @-mentioned, its tasks with their buttons. */
import type { Mention } from '../reports/reminder-types.js';
import type { Block, Doc, Inline } from './doc.js';

/** A unit to chase, with its liaison (when the directory has an account) and the tasks it has not reported on. */
export interface CollectSection {
  unit: string;
  liaison: Mention | null;
  tasks: { id: string; title: string }[];
}

/** The 催报 card as a document; `date` is the collection day. */
export function collectDoc(sections: readonly CollectSection[], date: string): Doc {
  const month = Number(date.slice(5, 7));
  const blocks: Block[] = sections.flatMap((s): Block[] => {
    const greeting: Inline[] = s.liaison ? [{ mention: s.liaison }, ' '] : ['（未登记联络员）'];
    greeting.push(`以下任务本月尚未报送进展，请今天内报送（点击“更新进度”，或回复“更新 编号 进度 80% 备注：…”）。`);
    return [
      { kind: 'heading', text: s.unit, tone: 'orange' },
      { kind: 'paragraph', parts: greeting },
      { kind: 'list', items: s.tasks.map((t) => [{ text: `#${t.id}`, bold: true }, ` ${t.title}`]) },
      { kind: 'taskActions', tasks: s.tasks.map((t) => ({ id: t.id, label: `报送 #${t.id}` })) },
    ];
  });
  const count = sections.reduce((n, s) => n + s.tasks.length, 0);
  return { title: `${month}月进展催报 · ${date}`, severity: 'orange', summary: `${sections.length} 个单位 ${count} 项任务本月未报送进展`, blocks };
}
