import type { Card } from './card.js';
import type { ReminderMessage, ReminderPlan } from '../reports/reminder-types.js';
import type { Doc } from './doc.js';
import { reminderDoc, reminderNoticeDoc } from './reminder-doc.js';
import { renderDocCard, type CardOptions } from './render-card.js';
import { renderDocMarkdown } from './render-markdown.js';
import { renderDocText, type TextOptions } from './render-text.js';

/** One card per recipient chat; `chat` null means no chat is configured (send to the office or print). */
export interface ReminderCard {
  chat: string | null;
  route: ReminderMessage['route'];
  units: string[];
  card: Card;
}

function docs(plan: ReminderPlan): { message: ReminderMessage | null; doc: Doc }[] {
  const all: { message: ReminderMessage | null; doc: Doc }[] = plan.messages.map((m) => ({ message: m, doc: reminderDoc(m, plan.date) }));
  const notice = reminderNoticeDoc(plan);
  if (notice) all.push({ message: null, doc: notice });
  return all;
}

function chatLabel(message: ReminderMessage | null, plan: ReminderPlan): string {
  if (!message) return `→ 办公室 ${plan.officeChat ?? '（未配置 chats.office）'}`;
  if (message.chat) return `→ ${message.route === 'default' ? '默认工作群' : '工作群'} ${message.chat}`;
  // As sent: a message without a work group goes to the office chat when there is one (app/runs.ts).
  return plan.officeChat ? `→ 办公室 ${plan.officeChat}（未配置工作群 chats.default，请转达）` : '→ 未配置工作群（chats.default），不会发送';
}

/** Today's reminders for the terminal: each chat's message under a "→ chat" line, then the office note. */
export function renderReminderText(plan: ReminderPlan, options: TextOptions = {}): string {
  if (!plan.workday) return `${plan.date} 不是工作日，不发送提醒。\n`;
  if (plan.messages.length === 0) return `${plan.date} 没有需要提醒的任务。\n`;
  return docs(plan)
    .map(({ message, doc }) => `${chatLabel(message, plan)}\n${renderDocText(doc, options)}`)
    .join('\n');
}

/** Today's reminders as markdown. */
export function renderReminderMarkdown(plan: ReminderPlan): string {
  if (!plan.workday) return `${plan.date} 不是工作日，不发送提醒。\n`;
  if (plan.messages.length === 0) return `${plan.date} 没有需要提醒的任务。\n`;
  return docs(plan)
    .map(({ message, doc }) => `<!-- ${chatLabel(message, plan).replace(/-->/g, '')} -->\n${renderDocMarkdown(doc)}`)
    .join('\n');
}

/** One card per recipient chat (never one per task). */
export function renderReminderCards(plan: ReminderPlan, options: CardOptions = {}): ReminderCard[] {
  return plan.messages.map((message) => ({
    chat: message.chat,
    route: message.route,
    units: message.units.map((s) => s.unit),
    card: renderDocCard(reminderDoc(message, plan.date), options),
  }));
}
