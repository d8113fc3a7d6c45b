// The custom format "siren" of the dossier schema, for any JSON Schema
// validator: what rjsf.mjs and jsonforms.mjs give Ajv, and what the
// conformance suite checks the Go validator against.

/**
 * siren is the format "siren" of the schema: nine digits whose Luhn sum is
 * a multiple of 10 (the check key of the SIREN, Insee).
 */
export function siren(s) {
  if (typeof s !== "string" || !/^[0-9]{9}$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = s.charCodeAt(i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
