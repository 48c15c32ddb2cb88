import type { AgingBucket } from '@core/receivables'

/** The aging buckets as an accounts receivable report heads its columns. */
export const AGING_LABELS: Record<AgingBucket, string> = {
  current: 'Current',
  '1-30': '1–30 days',
  '31-60': '31–60 days',
  '61-90': '61–90 days',
  '90+': 'Over 90 days',
}
