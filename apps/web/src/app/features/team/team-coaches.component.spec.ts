import { TestBed } from '@angular/core/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { I18nService } from '../../core/i18n/i18n.service';
import { TeamCoachesComponent } from './team-coaches.component';
import type { CoachFigure } from './team.data';

const coach = (name: string, requested: number, provided: number, teamCount = 1): CoachFigure => ({
  coach: { id: name, name },
  requested,
  provided,
  supervisorAvailability: requested ? provided / requested : null,
  teamCount,
});

describe('TeamCoachesComponent', () => {
  let fixture: ComponentFixture<TeamCoachesComponent>;

  async function render(coaches: CoachFigure[], lang: 'es' | 'en' = 'es'): Promise<HTMLElement> {
    TestBed.inject(I18nService).setLang(lang);
    fixture = TestBed.createComponent(TeamCoachesComponent);
    fixture.componentRef.setInput('coaches', coaches);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }
  const rows = (element: HTMLElement) =>
    [...element.querySelectorAll('[data-testid="coach-row"]')].map((row) => ({
      name: row.querySelector('[data-testid="coach-name"]')!.textContent!.trim(),
      rate: row.querySelector('[data-testid="coach-rate"]')!.textContent!.trim(),
      requests: row.querySelector('[data-testid="coach-requests"]')?.textContent!.trim() ?? null,
      none: row.querySelector('[data-testid="coach-no-requests"]')?.textContent!.trim() ?? null,
      teams: row.querySelector('[data-testid="coach-teams"] [aria-hidden="true"]')?.textContent!.trim() ?? null,
    }));

  beforeEach(() => localStorage.clear());
  afterEach(() => fixture.destroy());

  it('shows each coach’s rate as a whole percent, “n de m”, and the teams when more than one', async () => {
    const element = await render([coach('Dolores', 3, 2), coach('Ulises', 1234, 617, 2), coach('Teresa', 1, 1)]);
    expect(rows(element)).toEqual([
      { name: 'Dolores', rate: '67 %', requests: '2 de 3 peticiones', none: null, teams: null },
      { name: 'Ulises', rate: '50 %', requests: '617 de 1234 peticiones', none: null, teams: '2 equipos' },
      { name: 'Teresa', rate: '100 %', requests: '1 de 1 petición', none: null, teams: null },
    ]);
    expect(element.querySelector('[data-testid="coach-teams"]')!.getAttribute('title')).toBe(
      'Cifra sobre los 2 equipos que lleva',
    );
  });

  it('shows a dash and says so when nobody asked for a supervisor', async () => {
    const element = await render([coach('Teresa', 0, 0)]);
    expect(rows(element)).toEqual([
      { name: 'Teresa', rate: '—', requests: null, none: 'Nadie pidió un supervisor', teams: null },
    ]);
  });

  it('says when the team has no coaches', async () => {
    const element = await render([]);
    expect(element.querySelector('[data-testid="coach-availability"]')).toBeNull();
    expect(element.querySelector('[data-testid="coach-availability-empty"]')!.textContent).toContain(
      'no tiene coaches asignados',
    );
  });

  it('speaks English in English', async () => {
    const element = await render([coach('Ulises', 4, 3, 3), coach('Teresa', 0, 0)], 'en');
    expect(rows(element)).toEqual([
      { name: 'Ulises', rate: '75%', requests: '3 of 4 requests', none: null, teams: '3 teams' },
      { name: 'Teresa', rate: '—', requests: null, none: 'Nobody asked for a supervisor', teams: null },
    ]);
    expect(element.querySelector('caption')!.textContent!.trim()).toBe('Supervisor availability of each of the team’s coaches');
  });
});
