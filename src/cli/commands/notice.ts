/** `duban notice ID [--out FILE.docx] [--send]`: the 督办通知单 of one task (一事一单), to a file or to the unit's group. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { keepForSending } from '../../app/report-runs.js';
import type { Mention } from '../../reports/reminder-types.js';
import { classifyTasks } from '../../reports/classify.js';
import { buildNotice, type TaskNotice } from '../../reports/notice.js';
import { wallClock } from '../../calendar/zoned-time.js';
import { buildTrail } from '../../review/trail.js';
import { EVENT_LABELS } from '../../review/trail-text.js';
import { noticeDocx } from '../../render/docx/notice-docx.js';
import { noticeDoc } from '../../render/notice-doc.js';
import { renderDocCard } from '../../render/render-card.js';
import { renderDocMarkdown } from '../../render/render-markdown.js';
import { renderDocText } from '../../render/render-text.js';
import { UsageError, type CliArgs } from '../args.js';
import { loadLedgerContext, type LedgerContext } from '../context.js';
import { println, type CliIO } from '../io.js';
import { emit, notice as tell, useColor } from '../output.js';
import { NoFeishuError } from '../no-feishu-error.js';
import { deliver } from '../send.js';
import { withStoreIfAny } from '../stored.js';

export async function run(args: CliArgs, io: CliIO): Promise<number> {
  const wanted = args.positionals[0]?.replace(/^[#＃]\s*/, '');
  if (!wanted) throw new UsageError('用法：duban notice 任务编号 [--out 文件.docx] [--send]，例如 duban notice 6');
  const ctx = await loadLedgerContext(args, io);
  tell(io, ctx.dateNote);
  const view = classifyTasks(ctx.ledger.tasks, ctx.today, ctx.calendar, ctx.options).find((v) => v.task.id === wanted);
  if (!view) {
    println(io.stderr, `台账中找不到编号为“${wanted}”的任务。`);
    return 1;
  }
  const { config } = ctx.loaded;
  const notice = await withStoreIfAny(ctx.loaded, async (store) => {
    const [reminders, requests, acks] = store
      ? await Promise.all([store.history({ task: wanted }), store.requests({ taskId: wanted }), store.acks({ taskId: wanted })])
      : [[], [], []];
    // The same trail `duban history` shows, one line per step, dated in the configured timezone.
    const trail = buildTrail({ reminders, requests, acks }, { task: wanted }).map((e) => ({
      date: wallClock(new Date(e.at), config.timezone).date,
      event: EVENT_LABELS[e.event],
      detail: [e.unit, e.by === 'duban' ? '' : e.by, e.detail].filter(Boolean).join(' '),
    }));
    return buildNotice(view, { today: ctx.today, calendar: ctx.calendar, replyWorkdays: config.report.noticeReplyWorkdays, requests, trail });
  });
  if (!notice.escalated) tell(io, `提示：任务 #${wanted} 不在建议督办之列（逾期未超过 ${ctx.options.escalateAfterWorkdays} 个工作日），仍按要求生成通知单。`);
  const mentions = unitMentions(ctx, notice);
  if (args.send) return sendNotice(io, ctx, notice, mentions);
  if (args.out || args.format === 'docx') {
    const out = resolve(io.cwd, args.out ?? `督办通知单-任务${wanted}.docx`);
    const data = await noticeDocx(notice, config.report.issuer);
    writeFileSync(out, data);
    println(io.stdout, `已生成 ${out}（${Math.ceil(data.length / 1024)} KB）`);
    return 0;
  }
  const doc = noticeDoc(notice, mentions);
  emit(io, args.format, {
    text: () => renderDocText(doc, { color: useColor(io) }),
    markdown: () => renderDocMarkdown(doc),
    card: () => renderDocCard(doc),
    json: () => ({ id: wanted, escalated: notice.escalated, originalDue: notice.originalDue, due: view.due, workdaysOverdue: view.workdaysOverdue, level: view.light, reason: notice.reason, replyBy: notice.replyBy, trail: notice.trail }),
  });
  return 0;
}

/** The first lead unit's leader and liaison, as the directory knows them. */
function unitMentions(ctx: LedgerContext, notice: TaskNotice): Mention[] {
  const unit = ctx.directory.get(notice.view.task.lead[0] ?? '');
  const mentions: Mention[] = [];
  if (unit?.leaderAccount) mentions.push({ account: unit.leaderAccount, name: unit.leader ?? unit.leaderAccount, role: 'leader' });
  if (unit?.liaisonAccount) mentions.push({ account: unit.liaisonAccount, name: unit.liaison ?? unit.liaisonAccount, role: 'liaison' });
  return mentions;
}

/** Posts the notice file and a card mentioning the unit's leader to the unit's group (else chats.default, else chats.office). */
async function sendNotice(io: CliIO, ctx: LedgerContext, notice: TaskNotice, mentions: Mention[]): Promise<number> {
  const { config } = ctx.loaded;
  if (ctx.loaded.mode === 'local') throw new NoFeishuError();
  const unit = ctx.directory.get(notice.view.task.lead[0] ?? '');
  const chat = unit?.chat ?? config.chats.default ?? config.chats.office;
  if (!chat) {
    println(io.stderr, `单位 ${notice.view.task.lead[0] ?? ''} 没有工作群，也没有配置 chats.default / chats.office：请在单位通讯录填写“工作群”。`);
    return 3;
  }
  const id = notice.view.task.id;
  return deliver(io, ctx, [{
    job: `notice:${id}`,
    label: '督办通知单',
    build: async (inputs) => {
      const { ids } = await inputs.delivery.resolveMentions(mentions.map((m) => m.account));
      const file = keepForSending(ctx.loaded.dataDir, `督办通知单（任务${id}）.docx`, await noticeDocx(notice, config.report.issuer));
      return { messages: [{ chat, card: renderDocCard(noticeDoc(notice, mentions), { mentionIds: ids }), key: `notice|${id}|${ctx.today}|${chat}`, file }] };
    },
  }]);
}
