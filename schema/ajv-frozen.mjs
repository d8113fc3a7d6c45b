// Valider avec Ajv en mode strict un fichier d'un format figé (dossier.v1.schema.json,
// report.v1.schema.json).
//
// Les schémas des formats figés sont gardés tels qu'ils ont été publiés, avec deux mots-clés
// qu'Ajv refuse en mode strict : « x-enumLabels » (les libellés français des listes de choix,
// une annotation) et un « format » posé sur une liste (« shares-at-most-100 », sur les
// financeurs : une annotation qu'aucun validateur n'applique à une liste ; la règle des parts
// est vérifiée par clsm.Parse). strictCopy en rend une copie sans eux, qui accepte et refuse
// exactement les mêmes documents (un test le vérifie sur les corpus du module) :
//
//   import Ajv2020 from "ajv/dist/2020.js";
//   import addFormats from "ajv-formats";
//   import { strictCopy } from "./ajv-frozen.mjs";
//   const ajv = new Ajv2020({ strict: true, allErrors: true });
//   addFormats(ajv);
//   ajv.addFormat("siren", { type: "string", validate: estUnSiren });
//   const validerV1 = ajv.compile(strictCopy(schémaDuDossierV1));
//
// Les schémas des formats courants n'ont besoin de rien : strictCopy les rend inchangés.

/** Les types de JSON auxquels s'applique le mot-clé « format ». */
const formatTypes = new Set(["string", "number", "integer"]);

/**
 * Une copie du schéma sans ses annotations non standard : « x-enumLabels », et « format » là
 * où le type déclaré n'est ni une chaîne ni un nombre. Le schéma donné n'est pas modifié.
 * @param {object} schema un schéma JSON (l'objet lu du fichier)
 * @returns {object}
 */
export function strictCopy(schema) {
  if (Array.isArray(schema)) return schema.map(strictCopy);
  if (!schema || typeof schema !== "object") return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "x-enumLabels") continue;
    if (key === "format" && typeof schema.type === "string" && !formatTypes.has(schema.type)) continue;
    // Under "properties" and "$defs", keys are names, not keywords: copied as they are.
    out[key] = key === "properties" || key === "$defs" || key === "patternProperties"
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strictCopy(v)]))
      : strictCopy(value);
  }
  return out;
}
