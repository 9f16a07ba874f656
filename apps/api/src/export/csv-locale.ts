/**
 * How a CSV must look to open correctly in a spreadsheet of each language: Spanish-locale
 * spreadsheets split columns on `;` and read `74,5` as a number; English ones use `,` and `74.5`.
 * Both get UTF-8 with a BOM, so accents survive.
 */
export type ExportLang = 'es' | 'en';

export const CSV_FORMAT: Record<ExportLang, { delimiter: string; decimal: string; yes: string; no: string; na: string }> = {
  es: { delimiter: ';', decimal: ',', yes: 'sí', no: 'no', na: 'N/A' },
  en: { delimiter: ',', decimal: '.', yes: 'yes', no: 'no', na: 'N/A' },
};

export const BOM = '\ufeff';

export function parseLang(value: unknown): ExportLang {
  return value === 'en' || value === 'EN' ? 'en' : 'es';
}

export function formatNumber(value: number | null | undefined, lang: ExportLang, decimals = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return value.toFixed(decimals).replace('.', CSV_FORMAT[lang].decimal);
}

export function formatBool(value: boolean | null | undefined, lang: ExportLang): string {
  if (value === null || value === undefined) return '';
  return value ? CSV_FORMAT[lang].yes : CSV_FORMAT[lang].no;
}

export const EVALUATION_HEADERS: Record<ExportLang, Record<string, string>> = {
  es: {
    id: 'id',
    call: 'llamada',
    agent: 'agente',
    evaluator: 'evaluador',
    callTime: 'fecha_llamada',
    status: 'estado',
    score: 'puntuacion',
    rawScore: 'puntuacion_bruta',
    criticalFailure: 'fallo_critico',
    resolution: 'resolucion',
    supervisorRequested: 'supervisor_solicitado',
    supervisorProvided: 'supervisor_facilitado',
    comment: 'comentario',
  },
  en: {
    id: 'id',
    call: 'call',
    agent: 'agent',
    evaluator: 'evaluator',
    callTime: 'call_time',
    status: 'status',
    score: 'score',
    rawScore: 'raw_score',
    criticalFailure: 'critical_failure',
    resolution: 'resolution',
    supervisorRequested: 'supervisor_requested',
    supervisorProvided: 'supervisor_provided',
    comment: 'comment',
  },
};

export const PROGRESS_HEADERS: Record<ExportLang, { week: string; count: string; meanScore: string }> = {
  es: { week: 'semana', count: 'evaluaciones', meanScore: 'puntuacion_media' },
  en: { week: 'week', count: 'evaluations', meanScore: 'mean_score' },
};
