// Vitest global setup: code the build generates must exist before tests import src/ (see scripts/generateValidators.mjs).
import { generateValidators } from '../scripts/generateValidators.mjs';

export default async function setup(): Promise<void> {
  await generateValidators();
}
