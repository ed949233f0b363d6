/** A score's badge colour: green from 80, orange from 50, red below. */
export function scoreColor(score: number): string {
  return score >= 80 ? 'green' : score >= 50 ? 'orange' : 'red';
}
