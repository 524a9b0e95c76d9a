/** Integration tests need a running stack; say how to get one instead of timing out. */
export function requireEnv(name: "KAFKA_BROKERS" | "MONGODB_URL"): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set. Run the tests through \`npm test\` (it starts a stack), or start \`npm run stack\` and export the KAFKA_BROKERS and MONGODB_URL lines it prints.`,
    );
  }
  return value;
}
