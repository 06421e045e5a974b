// Builds the static assets into frontend/build (served by Django as STATICFILES_DIRS).
//
//   npm run build
//
// 1. compiles scss/application.scss to build/application.css (compressed) with GOV.UK Frontend
//    and the Arial font stack;
// 2. copies govuk-frontend.min.js and js/application.mjs, which initialises it (pages work
//    without either; they only enhance);
// 3. checks the result: no GDS Transport font, and Arial in use, so a wrong Sass setting
//    fails the build instead of shipping the GOV.UK typeface.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import * as sass from 'sass'

const here = dirname(fileURLToPath(import.meta.url))
const out = join(here, 'build')
const govuk = join(here, 'node_modules', 'govuk-frontend', 'dist', 'govuk')

rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })

const result = sass.compile(join(here, 'scss', 'application.scss'), {
  style: 'compressed',
  importers: [new sass.NodePackageImporter(here)],
  // GOV.UK Frontend still raises deprecation notices of its own; they are not ours to fix.
  quietDeps: true
})
const css = result.css

if (/GDS Transport/i.test(css)) {
  throw new Error('application.css mentions GDS Transport: the service must not use the GOV.UK typeface')
}
if (!/font-family:\s*arial/i.test(css)) {
  throw new Error('application.css does not set the Arial font stack')
}
// The only image the CSS names is the crest behind .govuk-footer__copyright-logo ("Crown
// copyright"), which our own footer never uses, so no images are copied.

writeFileSync(join(out, 'application.css'), css)
copyFileSync(join(govuk, 'govuk-frontend.min.js'), join(out, 'govuk-frontend.min.js'))
copyFileSync(join(here, 'js', 'application.mjs'), join(out, 'application.mjs'))

console.log(`built ${out}: application.css (${css.length} bytes), govuk-frontend.min.js, application.mjs`)
