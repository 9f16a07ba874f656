/** A position in a call (seconds from its start) as mm:ss, the way transcripts and evidence show it. */
export function formatOffset(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '';
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}
