const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value from outside (token claim, cursor, query parameter) is an id of ours. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
