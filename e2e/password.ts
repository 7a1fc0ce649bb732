/** Every seeded account's password in the browser journeys. */
export const PASSWORD = 'E2e-Passw0rd!';
