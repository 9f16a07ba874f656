import { diffJson } from './json-diff';

describe('diffJson', () => {
  it('marks changed, unchanged, added and removed keys', () => {
    const lines = diffJson(
      JSON.stringify({ name: 'Ana', active: true, roles: ['AGENT'], teamId: 't1' }),
      JSON.stringify({ name: 'Ana', active: false, roles: ['AGENT', 'COACH'], locale: 'en' }),
    );
    expect(lines).toEqual([
      { path: 'name', before: 'Ana', after: 'Ana', change: 'same' },
      { path: 'active', before: 'true', after: 'false', change: 'changed' },
      { path: 'roles', before: '["AGENT"]', after: '["AGENT","COACH"]', change: 'changed' },
      { path: 'teamId', before: 't1', after: undefined, change: 'removed' },
      { path: 'locale', before: undefined, after: 'en', change: 'added' },
    ]);
  });

  it('walks nested objects so a deep change names its path', () => {
    const lines = diffJson(
      JSON.stringify({ answers: { R5: { value: 1, comment: 'x' } } }),
      JSON.stringify({ answers: { R5: { value: 3, comment: 'x' } } }),
    );
    expect(lines.filter((l) => l.change === 'changed')).toEqual([
      { path: 'answers.R5.value', before: '1', after: '3', change: 'changed' },
    ]);
  });

  it('a creation has no before: every key is added; null stays visible as null', () => {
    const lines = diffJson(null, JSON.stringify({ name: 'Equipo', teamId: null }));
    expect(lines).toEqual([
      { path: 'name', before: undefined, after: 'Equipo', change: 'added' },
      { path: 'teamId', before: undefined, after: 'null', change: 'added' },
    ]);
  });

  it('keeps text that is not JSON as one value', () => {
    expect(diffJson('plain', null)).toEqual([{ path: '(value)', before: 'plain', after: undefined, change: 'removed' }]);
  });
});
