import { RetentionDays } from 'aws-cdk-lib/aws-logs';

const allowed = new Set<number>(Object.values(RetentionDays).filter((value) => typeof value === 'number'));

/**
 * CloudWatch accepts only some retention periods (1, 3, 5, 7, 14, 30, 60, 90… days): reject any other
 * value at synth time rather than at deploy time, half-way through a CloudFormation update.
 */
export const retentionDays = (days: number): RetentionDays => {
  if (!allowed.has(days) || days === RetentionDays.INFINITE) {
    const choices = [...allowed].filter((value) => value !== RetentionDays.INFINITE).sort((a, b) => a - b);
    throw new Error(`logRetentionDays is ${days}; CloudWatch accepts only ${choices.join(', ')}.`);
  }
  return days as RetentionDays;
};
