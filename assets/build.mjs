// Builds static/build from GOV.UK Frontend (npm) and careboard's own Sass and scripts.
// No GOV.UK crown, logo or font: this is a council service (see docs/adr/0003).
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as sass from "sass";

const out = "static/build";
const govuk = "node_modules/govuk-frontend/dist/govuk";

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const css = sass.compile("assets/scss/careboard.scss", {
  loadPaths: ["node_modules"],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(out, "careboard.css"), css.css);

cpSync(join(govuk, "govuk-frontend.min.js"), join(out, "govuk-frontend.min.js"));
for (const dir of ["images"]) {
  cpSync(join(govuk, "assets", dir), join(out, "govuk", "assets", dir), { recursive: true });
}
for (const file of readdirSync("assets/js")) {
  cpSync(join("assets/js", file), join(out, file));
}
console.log(`built ${out}: careboard.css (${css.css.length} bytes) and scripts`);
