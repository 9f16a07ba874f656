import { defineTexts } from '../../core/i18n/texts';

export const TIME_RANGE_TEXTS = defineTexts({
  es: {
    'range.label': 'Periodo',
    'range.4w': 'Últimas 4 semanas',
    'range.12w': 'Últimas 12 semanas',
    'range.26w': 'Últimos 6 meses',
    'range.52w': 'Último año',
    'range.custom': 'Personalizado',
    'range.from': 'Desde',
    'range.to': 'Hasta (incluido)',
    'range.apply': 'Aplicar',
    'range.invalid': 'La fecha final debe ser igual o posterior a la inicial.',
  },
  en: {
    'range.label': 'Period',
    'range.4w': 'Last 4 weeks',
    'range.12w': 'Last 12 weeks',
    'range.26w': 'Last 6 months',
    'range.52w': 'Last year',
    'range.custom': 'Custom',
    'range.from': 'From',
    'range.to': 'To (included)',
    'range.apply': 'Apply',
    'range.invalid': 'The end date must be on or after the start date.',
  },
});
