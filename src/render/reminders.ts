/** Today's reminders in every format, all read from the plan's deliveries: the previews show exactly what is sent. */
import { reminderDeliveries } from '../reports/reminders.js';
import type { ReminderDelivery, ReminderMessage, ReminderPlan } from '../reports/reminder-types.js';
import type { Card } from './card.js';
import { reminderDeliveryDoc } from './reminder-doc.js';
import { renderDocCard, type CardOptions } from './render-card.js';
import { renderDocMarkdown } from './render-markdown.js';
import { renderDocText, type TextOptions } from './render-text.js';

/** One card per recipient chat; `chat` null means no chat is configured (printed by the previews, never sent). */
export interface ReminderCard {
  chat: string | null;
  /** Why this chat; 'office_notice' for the office's to-do list sent on its own. */
  route: ReminderMessage['route'] | 'office_notice';
  units: string[];
  key: string;
  card: Card;
}

export interface ReminderRenderOptions {
  /** Accounts Feishu could not resolve to a user: listed for the office. */
  unresolvedAccounts?: readonly string[];
}

function chatLabel(delivery: ReminderDelivery): string {
  const { chat, message } = delivery;
  if (!message) return `→ 办公室 ${chat ?? '（未配置 chats.office）'}`;
  if (message.route === 'unit') return `→ 工作群 ${chat}`;
  if (message.route === 'default') return `→ 默认工作群 ${chat}`;
  if (message.route === 'office') return `→ 办公室 ${chat}（未配置工作群 chats.default，请转达）`;
  return '→ 未配置工作群（chats.default），不会发送';
}

function nothingToSay(plan: ReminderPlan): string | null {
  if (!plan.workday) return `${plan.date} 不是工作日，不发送提醒。\n`;
  if (plan.messages.length === 0) return `${plan.date} 没有需要提醒的任务。\n`;
  return null;
}

/** Today's reminders for the terminal: each chat's message under a "→ chat" line. */
export function renderReminderText(plan: ReminderPlan, options: TextOptions & ReminderRenderOptions = {}): string {
  return (
    nothingToSay(plan) ??
    reminderDeliveries(plan, options.unresolvedAccounts)
      .map((delivery) => `${chatLabel(delivery)}\n${renderDocText(reminderDeliveryDoc(delivery, plan.date), options)}`)
      .join('\n')
  );
}

/** Today's reminders as markdown. */
export function renderReminderMarkdown(plan: ReminderPlan, options: ReminderRenderOptions = {}): string {
  return (
    nothingToSay(plan) ??
    reminderDeliveries(plan, options.unresolvedAccounts)
      .map((delivery) => `<!-- ${chatLabel(delivery).replace(/-->/g, '')} -->\n${renderDocMarkdown(reminderDeliveryDoc(delivery, plan.date))}`)
      .join('\n')
  );
}

/** One card per recipient chat (never one per task): what `remind --send` posts, and `remind --format card` shows. */
export function renderReminderCards(plan: ReminderPlan, options: CardOptions & ReminderRenderOptions = {}): ReminderCard[] {
  return reminderDeliveries(plan, options.unresolvedAccounts).map((delivery) => ({
    chat: delivery.chat,
    route: delivery.message?.route ?? 'office_notice',
    units: delivery.message?.units.map((s) => s.unit) ?? [],
    key: delivery.key,
    card: renderDocCard(reminderDeliveryDoc(delivery, plan.date), options),
  }));
}
