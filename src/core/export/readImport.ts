/** File text → validated document: `parseImport` then `validate`, for the import button's single call. */
import { parseImport } from './parseImport';
import type { ValidateOptions, ValidationResult } from './validate';
import { validate } from './validate';

export async function readImport(text: string, options: ValidateOptions = {}): Promise<ValidationResult> {
  const parsed = parseImport(text);
  if (!parsed.ok) return parsed;
  return validate(parsed.json, options);
}
