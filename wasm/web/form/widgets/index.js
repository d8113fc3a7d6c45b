// @ts-check
// The widget registry: which module draws a question of each kind (the questionnaire's
// « widget »). To add a kind: write its module beside this one and register it below.

import { renderChoice } from "./choice.js";
import { renderDateOrNever } from "./date-or-never.js";
import { renderList } from "./list.js";
import { renderLongText } from "./longtext.js";
import { renderMultiChoice } from "./multichoice.js";
import { renderScalar } from "./scalar.js";
import { renderTokens } from "./tokens.js";
import { renderYesNo } from "./yesno.js";

/**
 * What a widget is given to draw its question into node.wrapper: the form, the question
 * (item), its node (ids, wrapper, error paragraph), its answer in the dossier, the ids that
 * describe it, its help text and what to call after a change.
 * @typedef {object} WidgetContext
 * @property {import("../../form.js").ClsmForm} form
 * @property {any} item
 * @property {any} node
 * @property {HTMLElement} wrapper
 * @property {string} inputId
 * @property {string} helpId
 * @property {string} errId
 * @property {any} value
 * @property {string} describedBy
 * @property {HTMLElement | null} help
 * @property {() => void} onChange
 */

/**
 * The widgets, by kind.
 * @type {Readonly<Record<string, (ctx: WidgetContext) => void>>}
 */
export const widgets = Object.freeze({
  yesno: renderYesNo,
  choice: renderChoice,
  multichoice: renderMultiChoice,
  integer: renderScalar,
  number: renderScalar,
  text: renderScalar,
  date: renderScalar,
  date_or_never: renderDateOrNever,
  longtext: renderLongText,
  communes: renderTokens,
  sirens: renderTokens,
  textlist: renderTokens,
  dates: renderList,
  list: renderList,
});
