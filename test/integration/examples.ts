// A valid input for every action, so the authorization matrix can call each one past its
// schema. Every action in contracts/ must have one here (the matrix test checks).
export const ACTION_EXAMPLES: Record<string, Record<string, unknown>> = {
  'account.ping': {},
  'account.whoami': {},
};
