import { INPUT_QUALITY_HINTS, INPUT_QUALITY_LABELS } from '../../../shared/domain/pricing/results';
import type { InputQuality } from '../../../shared/domain/pricing/results';

/** Marks a figure whose inputs are estimated or not yet verified; says nothing when all are sourced. */
export function QualityMark({ quality }: { quality: InputQuality | null }) {
  if (quality === null || quality === 'sourced') return null;
  return (
    <span className={`quality quality-${quality}`} title={INPUT_QUALITY_HINTS[quality]}>
      {INPUT_QUALITY_LABELS[quality]}
    </span>
  );
}
