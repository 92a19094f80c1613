/** Input limits the renderer enforces in its forms and main enforces in the IPC schema. Dependency-free. */

/** Comfortably above a formatted Secret Key (41 characters) typed with spaces, far below anything abusive. */
export const SECRET_KEY_INPUT_MAX_LENGTH = 200
