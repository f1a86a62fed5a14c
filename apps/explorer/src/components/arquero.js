// arquero for the browser. Its package entry imports node:fs / node:stream (for reading files from disk),
// which Framework's bundler leaves as requests the browser cannot make; the prebuilt browser bundle has none.
import * as arquero from "arquero/dist/arquero.min.js";

const aq = arquero.default ?? arquero;
export const {fromArrow, escape, desc, op, table, from} = aq;
export default aq;
