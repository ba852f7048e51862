/** Text that names a unit's role ("由省财政厅负责", "牵头单位：") without giving a task: listed, never dropped silently. */

const ROLE_WORD = /牵头|责任|配合|协助|协办|参与|主办|负责|支撑/;
const UNIT_KEY = /(?:牵头|责任|配合|协助|协办|参与|主办|支撑)(?:单位|部门)\s*[：:]/;
const ROLE_AFTER_UNIT = /[\u4e00-\u9fa5（）]{1,16}?(?:局|委|办|厅|部|署|中心|政府|街道|镇|集团|公司)(?:牵头|负责|配合|协助|协办)/;
// Section headings that are never tasks, even at the level where a plan's tasks are numbered.
const SECTION = /^(?:指导思想|基本原则|工作原则|总体要求|适用范围|(?:组织|工作)?保障(?:措施)?|组织实施|工作要求|实施步骤|工作步骤|步骤安排|工作安排|时间安排|有关要求|其他事项)$/;

/** True when the text names a unit's part in the work. */
export function mentionsUnits(text: string): boolean {
  return ROLE_WORD.test(text) && (UNIT_KEY.test(text) || ROLE_AFTER_UNIT.test(text));
}

/** True for a heading of a section without tasks ("指导思想", "保障措施"): its items are not tasks that lost their units. */
export function isSectionHeading(title: string): boolean {
  return SECTION.test(title);
}
