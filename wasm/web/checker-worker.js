// @ts-check
// Travailleur (Web Worker, de type module) du vérificateur : il sert le protocole de
// checker-core.js, loin du fil principal de la page, qui reste utilisable pendant le démarrage et
// pendant chaque calcul. Le formulaire, l'élément <clsm-autoevaluation> et la vue régionale le
// lancent tous par checker-client.js ; seul le vérificateur demandé change (celui du formulaire,
// ou le complet pour la vue régionale). Rien ne sort de l'ordinateur : il ne télécharge que
// wasm_exec.js et le vérificateur, depuis le site de la page.
import { serve } from "./checker-core.js";

serve(/** @type {any} */ (self));
