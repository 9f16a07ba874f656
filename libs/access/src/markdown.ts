import { ruleOf, scopeFor } from './rules.js';
import { screenRoles, SCREENS } from './screens.js';
import { ACTIONS, EXCEPTIONS, ROLES, SCOPE_MEANING } from './table.js';
import type { ScreenName } from './screens.js';
import type { Scope } from './table.js';

const cell = (scopes: readonly Scope[]) => (scopes.length ? scopes.join(' + ') : '—');

/** The whole table as markdown: action × role × scope, the exceptions, and the screens. */
export function accessTableMarkdown(): string {
  const lines = [
    '# Access table',
    '',
    'Generated from `libs/access/src/table.ts` by `test/integration/access-table.spec.ts`',
    '(`UPDATE_ACCESS_TABLE=1` rewrites it). A cell is the records the role reaches with the',
    'action; `—` means the role may not take it. A caller who cannot see a record (the action',
    'named in "seen with") is answered NOT_FOUND, exactly as for an id that does not exist.',
    '',
    `| action | summary | ${ROLES.join(' | ')} | seen with | exceptions | limits |`,
    `| --- | --- | ${ROLES.map(() => '---').join(' | ')} | --- | --- | --- |`,
  ];
  for (const action of ACTIONS) {
    const rule = ruleOf(action);
    const roles = rule.public ? ROLES.map(() => 'public') : ROLES.map((role) => cell(scopeFor(action, role)));
    const seen = rule.seenWith ?? (rule.record ? 'itself' : '');
    lines.push(
      `| \`${action}\` | ${rule.summary} | ${roles.join(' | ')} | ${seen} | ${(rule.exceptions ?? []).join(', ')} | ${(rule.limits ?? []).join('; ')} |`,
    );
  }
  lines.push('', '## Scopes', '', '| scope | reaches |', '| --- | --- |');
  for (const [scope, meaning] of Object.entries(SCOPE_MEANING)) lines.push(`| ${scope} | ${meaning} |`);
  lines.push('', '## Exceptions', '', '| exception | effect | rule |', '| --- | --- | --- |');
  for (const [name, exception] of Object.entries(EXCEPTIONS)) lines.push(`| ${name} | ${exception.effect} | ${exception.rule} |`);
  lines.push('', '## Web screens', '', '| screen | path | action | roles |', '| --- | --- | --- | --- |');
  for (const name of Object.keys(SCREENS) as ScreenName[]) {
    const screen = SCREENS[name];
    lines.push(`| ${name} | /${screen.path} | \`${screen.action}\` | ${screenRoles(name).join(', ')} |`);
  }
  return `${lines.join('\n')}\n`;
}
