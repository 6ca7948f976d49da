/** The durable job that applies a schedule at its time (payload `{ scheduleId }`). */
export const FLAG_SCHEDULE_JOB = 'flag-schedule';
