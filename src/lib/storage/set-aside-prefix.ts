/** Where unreadable values are kept (a module of its own, so script-only pages can check for copies without loading the storage code). */
export const SET_ASIDE_PREFIX = 'banso:unreadable:';
